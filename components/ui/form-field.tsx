type Props = {
  name: string;
  label: string;
  type?: "text" | "email" | "tel" | "password";
  autoComplete?: string;
  defaultValue?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  maxLength?: number;
  /** Defaults to field-<name>; give one when a page has several forms with the same field names. */
  id?: string;
  inputMode?: "numeric" | "text";
};

/** A labelled input whose error is tied to it (aria-invalid + aria-describedby), so screen readers say what is wrong. */
export function FormField({ name, label, type = "text", autoComplete, defaultValue, error, hint, required = true, maxLength, id = `field-${name}`, inputMode }: Props) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        // Remount when the server echoes a value back, so a rejected form shows exactly what was typed.
        key={defaultValue}
        required={required}
        maxLength={maxLength}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 aria-[invalid]:border-red-600 aria-[invalid]:bg-red-50"
      />
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
    </div>
  );
}

/** The message above a form: an error summary (role=alert) or a confirmation (role=status). */
export function FormMessage({ status, message }: { status: "idle" | "success" | "error"; message?: string }) {
  if (!message || status === "idle") return null;
  return status === "error" ? (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
    </p>
  ) : (
    <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
      {message}
    </p>
  );
}
