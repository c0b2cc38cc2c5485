import { ROLES, type Role, isRole } from "@relance/domain";
import { useTranslation } from "react-i18next";

export interface RoleSelectProps {
  id: string;
  value: Role;
  onChange: (role: Role) => void;
  disabled?: boolean;
  testId?: string;
  ariaLabel?: string;
}

export function RoleSelect({ id, value, onChange, disabled = false, testId, ariaLabel }: RoleSelectProps) {
  const { t } = useTranslation();
  return (
    <select
      id={id}
      value={value}
      disabled={disabled}
      data-testid={testId}
      aria-label={ariaLabel}
      onChange={(e) => {
        if (isRole(e.target.value)) onChange(e.target.value);
      }}
    >
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {t(`roles.${role}`)}
        </option>
      ))}
    </select>
  );
}
