// `PAGE=single|threads webpack`: zero configuration beyond naming the entry and the output folder.
import path from 'node:path';

const page = process.env.PAGE ?? 'single';

export default {
  mode: 'production',
  entry: `./${page}.js`,
  output: { path: path.resolve(`dist-webpack-${page}`), filename: `${page}.js`, clean: true },
  performance: { hints: false },
};
