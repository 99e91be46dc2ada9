// One colour per seat state; free seats take their rank's colour so the price level shows at a glance.
export const RANK_COLOURS = ['#2e7d32', '#0097a7', '#9e9d24', '#c2185b', '#546e7a', '#00695c', '#827717', '#ad1457', '#37474f', '#558b2f'];
export const STATE_COLOURS = {
  mine: '#1565c0',
  selected: '#ffd600',
  held: '#f39c12',
  reserved: '#8e44ad',
  sold: '#b0b4b8',
  definitive: '#2c2c2c',
  conditional: '#8d5524',
} as const;

export const rankColour = (rank: number) => RANK_COLOURS[(rank - 1) % RANK_COLOURS.length];
