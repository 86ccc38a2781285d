/** The variables a template may use; anything else in `{{ }}` is left as written so a typo shows in the preview. */
export const TEMPLATE_VARIABLES = ['name', 'package', 'amount', 'dueDate'] as const;
export type TemplateVariables = Partial<Record<(typeof TEMPLATE_VARIABLES)[number], string>>;

export function renderTemplate(text: string, vars: TemplateVariables): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    (TEMPLATE_VARIABLES as readonly string[]).includes(key) ? (vars[key as keyof TemplateVariables] ?? '') : whole,
  );
}
