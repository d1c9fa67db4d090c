import { render } from "preact";
import kb from "virtual:maekrak/kb";
import { App } from "./App";
import { browserConnector } from "./connector";
import "./popup.css";

render(<App kb={kb} connector={browserConnector} />, document.getElementById("app")!);
