import type { EntitySlice } from '../slice.js';
import { parametersOf, secretParameters } from './template.js';

export const templateParameter: EntitySlice<'TemplateParameter'> = {
  kind: 'TemplateParameter',
  template: { what: 'parameters', extract: (input) => parametersOf(input.template, secretParameters(input)) },
};
