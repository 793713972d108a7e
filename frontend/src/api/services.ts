// The services Go binds, typed by the generated declarations in
// frontend/wailsjs (regenerated with `wails generate module`). A new method on
// a service needs nothing here; a new service needs one line.

import type * as Audit from '../../wailsjs/go/app/Audit'
import type * as Auth from '../../wailsjs/go/app/Auth'
import type * as Privacy from '../../wailsjs/go/app/Privacy'
import type * as Retention from '../../wailsjs/go/app/Retention'
import type * as Settings from '../../wailsjs/go/app/Settings'
import type * as System from '../../wailsjs/go/app/System'
import type * as Users from '../../wailsjs/go/app/Users'

export interface Services {
  Audit: typeof Audit
  Auth: typeof Auth
  Privacy: typeof Privacy
  Retention: typeof Retention
  Settings: typeof Settings
  System: typeof System
  Users: typeof Users
}
