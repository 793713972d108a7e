// The services Go binds, typed by the generated declarations in
// frontend/wailsjs (regenerated with `wails generate module`). A new method on
// a service needs nothing here; a new service needs one line.

import type * as Audit from '../../wailsjs/go/app/Audit'
import type * as Calendar from '../../wailsjs/go/app/Calendar'
import type * as Auth from '../../wailsjs/go/app/Auth'
import type * as Cases from '../../wailsjs/go/app/Cases'
import type * as Dicts from '../../wailsjs/go/app/Dicts'
import type * as Home from '../../wailsjs/go/app/Home'
import type * as Letters from '../../wailsjs/go/app/Letters'
import type * as Ledger from '../../wailsjs/go/app/Ledger'
import type * as Privacy from '../../wailsjs/go/app/Privacy'
import type * as Repeat from '../../wailsjs/go/app/Repeat'
import type * as Retention from '../../wailsjs/go/app/Retention'
import type * as Settings from '../../wailsjs/go/app/Settings'
import type * as Stats from '../../wailsjs/go/app/Stats'
import type * as System from '../../wailsjs/go/app/System'
import type * as Units from '../../wailsjs/go/app/Units'
import type * as Tasks from '../../wailsjs/go/app/Tasks'
import type * as Users from '../../wailsjs/go/app/Users'
import type * as Wording from '../../wailsjs/go/app/Wording'
import type * as Visits from '../../wailsjs/go/app/Visits'
import type * as Import from '../../wailsjs/go/app/Import'

export interface Services {
  Audit: typeof Audit
  Calendar: typeof Calendar
  Auth: typeof Auth
  Cases: typeof Cases
  Dicts: typeof Dicts
  Home: typeof Home
  Letters: typeof Letters
  Ledger: typeof Ledger
  Privacy: typeof Privacy
  Repeat: typeof Repeat
  Retention: typeof Retention
  Settings: typeof Settings
  Stats: typeof Stats
  System: typeof System
  Units: typeof Units
  Tasks: typeof Tasks
  Users: typeof Users
  Wording: typeof Wording
  Visits: typeof Visits
  Import: typeof Import
}
