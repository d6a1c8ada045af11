// A button that starts work, disabled while other work is under way. It alone listens to the
// pane's "working" state: the panels around it are not drawn again when work starts or ends.

import { Button, type ButtonProps } from "@fluentui/react-components";
import * as React from "react";

export const WorkingContext = React.createContext(false);

export function BusyButton(props: ButtonProps): React.JSX.Element {
  const working = React.useContext(WorkingContext);
  return <Button {...props} disabled={working || props.disabled} />;
}
