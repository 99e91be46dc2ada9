// One colour per seat state; free seats take their rank's colour so the price level shows at a glance.
export const RANK_COLOURS = ['#1f8a4c', '#4fae3a', '#9cc62f', '#c9b52a', '#d6912a', '#3a9fb0', '#6f7fd0', '#a070c0', '#c06090', '#808080'];
export const STATE_COLOURS = {
  mine: '#1565c0',
  selected: '#00bcd4',
  held: '#f39c12',
  reserved: '#8e44ad',
  sold: '#b0b4b8',
  definitive: '#2c2c2c',
  conditional: '#8d5524',
} as const;

export const rankColour = (rank: number) => RANK_COLOURS[(rank - 1) % RANK_COLOURS.length];
