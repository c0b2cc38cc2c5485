import { useId } from "react";
import { useDraftInput } from "../hooks/use-draft-input.ts";

export interface SearchFilterInputProps {
  label: string;
  placeholder: string;
  value: string | null;
  onChange: (search: string | null) => void;
  testId: string;
}

const parse = (text: string) => ({ ok: true as const, value: text.trim() || null });
const format = (value: string | null) => value ?? "";

/** A search box applied once typing pauses, and refilled when the search changes elsewhere (a saved view). */
export function SearchFilterInput({ label, placeholder, value, onChange, testId }: SearchFilterInputProps) {
  const id = useId();
  const draft = useDraftInput(value, onChange, { parse, format });
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-testid={testId}
        type="search"
        placeholder={placeholder}
        autoComplete="off"
        maxLength={100}
        value={draft.text}
        onChange={(e) => draft.setText(e.target.value)}
      />
    </div>
  );
}
