import { useEffect } from "react";

export interface WorklistKeyActions {
  move: (delta: number) => void;
  open: () => void;
  call: () => void;
  promise: () => void;
  snooze: () => void;
  toggle: () => void;
}

/** Keys typed into a field, and Enter on a link or button, keep their usual meaning. */
const typingIn = (target: EventTarget | null, key: string): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || (key === "Enter" && ["BUTTON", "A"].includes(target.tagName)));

/** j/k or ↓/↑ move, Enter opens, c call, p promise, s snooze, x select; ignored while typing or in a dialog. */
export const useWorklistKeys = (enabled: boolean, actions: WorklistKeyActions): void => {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || typingIn(event.target, event.key) || document.querySelector("dialog[open]")) return;
      const handlers: Record<string, () => void> = {
        j: () => actions.move(1),
        ArrowDown: () => actions.move(1),
        k: () => actions.move(-1),
        ArrowUp: () => actions.move(-1),
        Enter: actions.open,
        c: actions.call,
        p: actions.promise,
        s: actions.snooze,
        x: actions.toggle,
      };
      const handler = handlers[event.key];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [enabled, actions]);
};
