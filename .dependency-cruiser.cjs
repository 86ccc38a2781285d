/**
 * Module boundaries, checked by `npm run lint` (docs/DEVELOPING.md, "Boundaries").
 * Paths are relative to the repository root.
 */
const TEST_SUPPORT = ['^src/testing/', '\\.test\\.tsx?$', '-test-support\\.ts$', '^e2e/'];

module.exports = {
  forbidden: [
    {
      name: 'module-through-index',
      comment: 'Another module is reached only through its index.ts (its public surface).',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$', '^src/modules/[^/]+/[^/]+-test-support\\.ts$'],
      },
    },
    {
      name: 'outside-through-index',
      comment: 'The rest of src/ (app, main, registry, testing) reaches a module only through its index.ts. ' +
        'Benchmarks and browser tests may measure or seed through a module\'s internals; a test may use a module\'s *-test-support.ts.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/modules/[^/]+/' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/[^/]+/index\\.ts$', '^src/modules/[^/]+/[^/]+-test-support\\.ts$'] },
    },
    {
      name: 'platform-knows-no-module',
      comment: 'src/platform is below the modules: it never imports one.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'features-independent',
      comment: 'Web features never import each other; shared pieces go to web/src/components/ui or web/src/lib.',
      severity: 'error',
      from: { path: '^web/src/features/([^/]+)/' },
      to: { path: '^web/src/features/', pathNot: '^web/src/features/$1/' },
    },
    {
      name: 'no-test-support-in-production',
      comment: 'Production files never import test support (src/testing, *.test.ts, *-test-support.ts, e2e).',
      severity: 'error',
      from: { path: '^(src|web/src)/', pathNot: TEST_SUPPORT },
      to: { path: TEST_SUPPORT },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '^web/dist/'] },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
