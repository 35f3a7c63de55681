// ESLint rule: a test file states its kind in its name (style guide rule 22).
// `<file>.unit.test.ts` and `<file>.int.test.ts` live beside the code in `src/`;
// black-box suites are `tests/*.e2e.test.ts`. Any other `*.test.ts`/`*.spec.ts` is rejected
// because the shared vitest factory would never run it.
const ALLOWED = /\.(unit|int|e2e)\.test\.ts$/;
const TESTISH = /\.(test|spec)\.[cm]?[jt]sx?$/;

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Test files must be named *.unit.test.ts, *.int.test.ts or *.e2e.test.ts' },
    schema: [],
    messages: {
      badName:
        "Test file '{{name}}' does not state its kind: rename it to '*.unit.test.ts', '*.int.test.ts' or '*.e2e.test.ts'.",
    },
  },
  create(context) {
    const filename = context.filename ?? context.getFilename();
    return {
      Program(node) {
        if (TESTISH.test(filename) && !ALLOWED.test(filename)) {
          context.report({ node, messageId: 'badName', data: { name: filename.split('/').pop() } });
        }
      },
    };
  },
};
