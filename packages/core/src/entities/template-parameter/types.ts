import type { EntityBase } from '../../model/entity.js';

/** A template parameter, for rules about parameters (such as a password without `NoEcho`). */
export interface TemplateParameterEntity extends EntityBase {
  kind: 'TemplateParameter';
  name: string;
  type?: string;
  noEcho: boolean;
  hasDefault: boolean;
  allowedValues?: string[];
  /** Password-bearing properties whose value is this parameter, e.g. `MasterUserPassword of Db`. */
  usedAsSecret?: string[];
}
