export { type DocsExample, type DocsExamplesOptions, docsExamples, exampleTemplate } from './docs-examples.js';
export { type JsonPath, positionOf } from './position.js';
export {
  type CaseBase,
  type DescribeFunction,
  type ErrorBase,
  type ExpectedError,
  type InvalidCase,
  type ItFunction,
  RuleTester,
  type RuleTests,
  type SnapshotCase,
  type TemplateCase,
  type TestFunction,
  type ValidCase,
} from './rule-tester.js';
