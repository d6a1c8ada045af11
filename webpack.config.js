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
    entry: { taskpane: "./src/taskpane/index.ts" },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].[contenthash:8].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
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
            transform: (content) => content.toString().split(DEV_URL).join(hostUrl).split(new URL(DEV_URL).origin).join(new URL(hostUrl).origin),
          },
        ],
      }),
    ],
    performance: { hints: production ? "warning" : false },
  };
};
