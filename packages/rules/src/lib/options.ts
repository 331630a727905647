/** The options schema of rules that measure an age in days. */
export function daysOption(description: string) {
  return {
    type: 'object',
    properties: { days: { type: 'integer', minimum: 1, maximum: 3650, description } },
    additionalProperties: false,
  } as const;
}
