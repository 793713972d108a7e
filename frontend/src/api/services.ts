// The services Go binds, typed by the generated declarations in
// frontend/wailsjs (regenerated with `wails generate module`). A new method on
// a service needs nothing here; a new service needs one line.

import type * as System from '../../wailsjs/go/app/System'

export interface Services {
  System: typeof System
}
