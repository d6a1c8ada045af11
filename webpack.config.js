// Builds the task pane into dist/: `npm run build` (production). HOST_URL sets where the pane is
// served from in the copied manifest (default https://localhost:3000/). office.js is never
// bundled: taskpane.html loads it from Microsoft's CDN. dist/help.html, the help page the manifest
// links to, is rendered at build time from src/help (no script on it).
//
// `npm run dev-server` (webpack serve): the same in development mode, watched, from memory at
// https://localhost:3000 with the self-signed certificate of `npm start` (~/.chitieu/certs).
// `--env fast` (`npm start`'s build, for serving on this machine): transpiled only, without ts-loader's
// type check (`npm run typecheck` does it), and not minified; a quarter of the time of a full build.
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const hostUrl = (process.env.HOST_URL || DEV_URL).replace(/\/?$/, "/");
  const tsLoader = (transpileOnly) => ({ loader: "ts-loader", options: { configFile: "tsconfig.json", transpileOnly } });
  const config = {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    performance: { hints: production && !env.fast ? "warning" : false, maxAssetSize: 900 * 1024, maxEntrypointSize: 900 * 1024 },
    optimization: env.fast ? { minimize: false } : {},
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          oneOf: [
            // The help page's template runs once at build time in HtmlWebpackPlugin's child
            // compiler: transpiled only, as the pane's own compilation type-checks the same sources.
            { compiler: "HtmlWebpackCompiler", use: tsLoader(true) },
            { use: tsLoader(Boolean(env.fast)) },
          ],
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/help/page.ts", inject: false, chunks: [], minify: false }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help/help.css", to: "help.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // Page and icon URLs move under HOST_URL; the app domain becomes its origin.
            transform: (content) =>
              content.toString().split(DEV_URL).join(hostUrl).split(new URL(DEV_URL).origin).join(new URL(hostUrl).origin),
          },
        ],
      }),
    ],
    devServer: {
      host: "localhost",
      port: 3000,
      // Everything, the manifest and the help page included, is served from the compilation.
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false }, logging: "warn" },
      headers: { "Cache-Control": "no-store" },
    },
  };
  if (!env.WEBPACK_SERVE) return config;
  // webpack serve: https with the certificate `npm start` uses (made here when missing or expiring).
  const { localCertificate } = require("./tools/certs");
  return localCertificate({ log: (line) => process.stderr.write(`chitieu: ${line}\n`) }).then(({ key, cert, certFile }) => {
    process.stderr.write(`chitieu: https://localhost:${config.devServer.port}/taskpane.html, chứng chỉ / certificate ${certFile}\n`);
    config.devServer.server = { type: "https", options: { key, cert } };
    return config;
  });
};
