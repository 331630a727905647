import type { EntityBase } from '../../model/entity.js';

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
