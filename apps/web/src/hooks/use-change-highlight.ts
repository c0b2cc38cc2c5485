import { useEffect, useRef, useState } from "react";

/** True for a moment after `value` changes (not on first render): the figure is highlighted, then settles. */
export const useChangeHighlight = (value: unknown, durationMs = 2_500): boolean => {
  const previous = useRef(value);
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    if (Object.is(previous.current, value)) return;
    previous.current = value;
    setChanged(true);
    const timer = setTimeout(() => setChanged(false), durationMs);
    return () => clearTimeout(timer);
  }, [value, durationMs]);
  return changed;
};
