import { render } from "preact";
import kb from "virtual:maekrak/kb";
import { App } from "./App";
import { browserConnector } from "./connector";
import "../ui/theme.css";
import "./popup.css";

document.body.classList.add("maekrak-theme");

render(<App kb={kb} connector={browserConnector} />, document.getElementById("app")!);
