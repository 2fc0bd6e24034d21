/** One value a template variable stands for: answers may be numbers or booleans. */
export type TemplateValue = string | number | boolean;

/**
 * Values by full variable name (`lead.first_name`, `lead.answers.property_value`).
 * `undefined` or `null` means "this lead has none": it renders as an empty string
 * (or `null` where JSON expects a value).
 */
export type TemplateValues = Readonly<Record<string, TemplateValue | null | undefined>>;

/** The value of `name`, read from the object's own properties only (never its prototype's). */
export function valueOf(values: TemplateValues, name: string): TemplateValue | undefined {
  return Object.hasOwn(values, name) ? (values[name] ?? undefined) : undefined;
}
