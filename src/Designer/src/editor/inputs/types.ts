import type { Json } from '../../model/definition';

/** What every input editor gets: `undefined` means the input is absent (its default applies) and removes it. */
export interface EditorProps<T extends Json = Json> {
  id: string;
  label: string;
  value: T | undefined;
  onChange: (value: Json | undefined) => void;
  required: boolean;
  placeholder?: string;
  describedBy?: string;
  invalid: boolean;
}

/** The attributes that tie a control to its label, hint, error and required mark for assistive technology. */
export const controlProps = (p: EditorProps) => ({
  id: p.id,
  'aria-required': p.required || undefined,
  'aria-invalid': p.invalid || undefined,
  'aria-describedby': p.describedBy,
});
