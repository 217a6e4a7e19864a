// zod's `config`, imported by name: a dynamic `import('zod')` would pull every zod module, all its
// locales included, into the bundle.
export { config } from 'zod';
