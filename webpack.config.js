// Builds the task pane into dist/: `npm run build` (production). HOST_URL sets where the pane is
// served from in the copied manifest (default https://localhost:3000/). office.js is never
// bundled: taskpane.html loads it from Microsoft's CDN.
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";

module.exports = (env, argv) => {
  const production = argv.mode === "production";
  const hostUrl = (process.env.HOST_URL || DEV_URL).replace(/\/?$/, "/");
  return {
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
      // ExcelJS's browser build without its ES5 polyfills (modern webviews only); it is loaded on
      // demand, in standalone mode, as a chunk of its own.
      alias: { exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.bare.min.js") },
    },
    // ExcelJS's prebuilt bundle is large by nature; the pane's own entry is what the budget counts.
    performance: { hints: production ? "warning" : false, maxAssetSize: 1200 * 1024, maxEntrypointSize: 900 * 1024 },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { configFile: "tsconfig.json" } } }],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
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
  };
};
