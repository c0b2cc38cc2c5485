export interface FilterSelectProps {
  id: string;
  testId: string;
  label: string;
  /** "" for no filter. */
  value: string;
  options: { value: string; label: string }[];
  /** The label of the empty choice ("All"); without it there is no empty choice. */
  anyLabel?: string;
  onChange: (value: string) => void;
}

/** A labelled select of one filter or sort. */
export function FilterSelect({ id, testId, label, value, options, anyLabel, onChange }: FilterSelectProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
