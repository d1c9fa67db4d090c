import { render } from "preact";
import kb from "virtual:maekrak/kb";
import { App } from "./App";
import { browserConnector, openedAsPage } from "./connector";
import { t } from "../ui/i18n";
import "../ui/theme.css";
import "./popup.css";

document.body.classList.add("maekrak-theme");
// As a page it takes the window's width; as the toolbar popup, its own 380 px. A phone's screen is narrower than
// that popup whatever shows it (Firefox for Android shows the popup as a full page).
document.documentElement.classList.toggle("as-page", openedAsPage() || screen.width < 600);
// Screen readers pronounce the UI in its language (the browser's: ko or en).
document.documentElement.lang = t("lang") === "en" ? "en" : "ko";

render(<App kb={kb} connector={browserConnector} />, document.getElementById("app")!);
