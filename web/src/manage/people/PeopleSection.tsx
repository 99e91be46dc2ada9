// People & access: staff members with their roles, password resets and sign-ins; API clients.
import { useState } from 'react';
import type { SectionProps } from '../sections.js';
import { ApiClientsPanel } from './ApiClientsPanel.js';
import { UsersPanel } from './UsersPanel.js';
import { usePeopleWords } from './words.js';
import './people.css';

export function PeopleSection({ user }: SectionProps) {
  const { w } = usePeopleWords();
  const [part, setPart] = useState<'users' | 'clients'>('users');
  return (
    <div className="people">
      <nav className="subtabs">
        <button name="people-users" className={part === 'users' ? 'active' : undefined} onClick={() => setPart('users')}>{w('users')}</button>
        <button name="people-clients" className={part === 'clients' ? 'active' : undefined} onClick={() => setPart('clients')}>{w('apiClients')}</button>
      </nav>
      {part === 'users' ? <UsersPanel me={user} /> : <ApiClientsPanel />}
    </div>
  );
}
