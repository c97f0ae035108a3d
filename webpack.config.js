/* eslint-disable no-undef */
// Webpack config for the Excel add-in shell (task pane + function file).
// Follows the layout of Microsoft's Office-Addin-TaskPane-React template.
//
//   npx webpack --mode production    -> dist/
//   npx webpack serve --mode development   (https://localhost:3000, or http if no dev certs)
//   npx webpack serve --mode development --env http   (force plain http)

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_SERVER_PORT = Number(process.env.npm_package_config_dev_server_port) || 3000;

/**
 * Server settings for webpack-dev-server. Office requires https, so use the trusted
 * localhost certificate from office-addin-dev-certs. On machines where the certificate
 * cannot be created or installed (offline CI, containers without sudo) fall back to
 * plain http so the pages can still be previewed in a browser.
 */
async function getDevServerTransport(env) {
  if (env.http) {
    return "http";
  }
  try {
    const devCerts = require("office-addin-dev-certs");
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca, key, cert } };
  } catch (err) {
    const reason = err && err.message ? err.message.split("\n")[0] : String(err);
    console.warn(`[webpack.config] Could not get localhost dev certificates (${reason}); serving over plain http.`);
    return "http";
  }
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";

  return {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      harness: "./src/harness/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              onlyCompileBundledFiles: true,
              // tsconfig.json targets the CLI (commonjs); emit ES modules here so webpack can tree-shake Fluent UI.
              compilerOptions: { module: "es2020" },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "harness.html",
        template: "./src/harness/harness.html",
        chunks: ["harness"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "[name][ext]" },
          // office.js is served locally instead of from the CDN
          // (https://appsforoffice.microsoft.com/lib/1/hosted/office.js), which cannot be reached
          // from this environment. The HTML pages load "office-js/office.js"; office.js loads its
          // host-specific scripts and locale strings relative to that URL, so the whole dist folder
          // is copied. minimized:true keeps Terser from re-minifying these (already minified) files.
          {
            from: "node_modules/@microsoft/office-js/dist",
            to: "office-js",
            info: { minimized: true },
          },
        ],
      }),
    ],
    performance: {
      // The copied office-js files and source maps are not part of our bundles.
      assetFilter: (name) => /\.(js|css)$/.test(name) && !name.startsWith("office-js/"),
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1024 * 1024,
    },
    devServer: {
      host: "localhost",
      port: DEV_SERVER_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      // Only ask for certificates when actually serving (not for `webpack --mode ...` builds).
      server: env.WEBPACK_SERVE ? await getDevServerTransport(env) : "http",
    },
  };
};
