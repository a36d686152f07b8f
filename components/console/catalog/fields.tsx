/**
 * The product form's textarea and select, shaped like components/ui/form-field.tsx's FormField: a label, a hint and
 * an error tied to the control (aria-describedby, aria-invalid), and a remount when the server echoes a value back.
 */

type Common = { name: string; label: string; defaultValue?: string; error?: string; hint?: string; required?: boolean };

const CONTROL = "w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 aria-[invalid]:border-red-600 aria-[invalid]:bg-red-50";

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Notes({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-stone-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextAreaField({ name, label, defaultValue, error, hint, required = true, rows = 4, maxLength }: Common & { rows?: number; maxLength?: number }) {
  const id = `field-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        key={defaultValue}
        required={required}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={CONTROL}
      />
      <Notes id={id} hint={hint} error={error} />
    </div>
  );
}

export function SelectField({ name, label, defaultValue, error, hint, options, placeholder }: Common & { options: { value: string; label: string }[]; placeholder: string }) {
  const id = `field-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue ?? ""} key={defaultValue} required aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={CONTROL}>
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Notes id={id} hint={hint} error={error} />
    </div>
  );
}
