// dist/help.html: HtmlWebpackPlugin's template for the help page (webpack.config.js). The plugin
// runs this module at build time and writes what it returns, so the page is static: no script.

import { renderHelp } from "./render";

export default (): string => renderHelp();
