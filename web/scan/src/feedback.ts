// A beep and a buzz the steward notices without looking: high and short for green, low and twice for red.
let audio: AudioContext | undefined;

/** Browsers allow sound only after a gesture; called on the first tap or key. */
export function unlockSound() {
  if (audio || typeof AudioContext === 'undefined') return;
  try {
    audio = new AudioContext();
  } catch {
    audio = undefined;
  }
}

function tone(freq: number, start: number, length: number) {
  if (!audio) return;
  const osc = audio.createOscillator();
  const gain = audio.createGain();
  osc.frequency.value = freq;
  osc.type = 'square';
  gain.gain.value = 0.08;
  osc.connect(gain).connect(audio.destination);
  const t = audio.currentTime + start;
  osc.start(t);
  osc.stop(t + length);
}

export function signal(ok: boolean) {
  if (audio?.state === 'suspended') void audio.resume();
  if (ok) tone(1320, 0, 0.12);
  else { tone(220, 0, 0.2); tone(220, 0.3, 0.2); }
  if (typeof navigator.vibrate === 'function') navigator.vibrate(ok ? 80 : [200, 100, 200]);
}
