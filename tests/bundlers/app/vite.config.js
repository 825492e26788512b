// `PAGE=single|threads vite build`: one page per build, so each output holds only what that page needs.
const page = process.env.PAGE ?? 'single';

export default {
  logLevel: 'warn',
  build: { outDir: `dist-vite-${page}`, emptyOutDir: true, rolldownOptions: { input: `${page}.html` } },
};
