import { render } from "preact";
import kb from "virtual:maekrak/kb";
import { App } from "./App";
import { browserConnector } from "./connector";
import { t } from "../ui/i18n";
import "../ui/theme.css";
import "./popup.css";

document.body.classList.add("maekrak-theme");
// Screen readers pronounce the UI in its language (the browser's: ko or en).
document.documentElement.lang = t("lang") === "en" ? "en" : "ko";

render(<App kb={kb} connector={browserConnector} />, document.getElementById("app")!);
