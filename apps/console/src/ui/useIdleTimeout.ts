// The session's idle timeout, kept on screen too: after the gateway's idle
// minutes without a key, click or touch, the console signs out and clears
// everything it showed (the query cache included), so a desk left unattended
// shows nothing of the last citizen.
import { useEffect } from 'react';

export function useIdleTimeout(minutes: number | undefined, onIdle: () => void): void {
  useEffect(() => {
    if (!minutes) return;
    let timer = window.setTimeout(onIdle, minutes * 60_000);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(onIdle, minutes * 60_000);
    };
    const events = ['keydown', 'pointerdown', 'touchstart'] as const;
    for (const event of events) window.addEventListener(event, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const event of events) window.removeEventListener(event, reset);
    };
  }, [minutes, onIdle]);
}
