export namespace app {
	
	export class AuditProblem {
	    seq: number;
	    kind: string;
	    detail: string;
	
	    static createFrom(source: any = {}) {
	        return new AuditProblem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.seq = source["seq"];
	        this.kind = source["kind"];
	        this.detail = source["detail"];
	    }
	}
	export class AuditCheck {
	    ok: boolean;
	    entries: number;
	    problems: AuditProblem[];
	
	    static createFrom(source: any = {}) {
	        return new AuditCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.entries = source["entries"];
	        this.problems = this.convertValues(source["problems"], AuditProblem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class AuditQuery {
	    user: number;
	    action: string;
	    from: string;
	    to: string;
	    before: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new AuditQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.user = source["user"];
	        this.action = source["action"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.before = source["before"];
	        this.limit = source["limit"];
	    }
	}
	export class AuditRow {
	    seq: number;
	    at: string;
	    userId: number;
	    userName: string;
	    action: string;
	    entity: string;
	    entityId: number;
	    summary: string;
	    reason: string;
	    workstation: string;
	
	    static createFrom(source: any = {}) {
	        return new AuditRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.seq = source["seq"];
	        this.at = source["at"];
	        this.userId = source["userId"];
	        this.userName = source["userName"];
	        this.action = source["action"];
	        this.entity = source["entity"];
	        this.entityId = source["entityId"];
	        this.summary = source["summary"];
	        this.reason = source["reason"];
	        this.workstation = source["workstation"];
	    }
	}
	export class AuditRows {
	    rows: AuditRow[];
	    more: boolean;
	
	    static createFrom(source: any = {}) {
	        return new AuditRows(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], AuditRow);
	        this.more = source["more"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class UserInfo {
	    id: number;
	    login: string;
	    name: string;
	    role: string;
	    confidential: boolean;
	    active: boolean;
	    lockedUntil?: string;
	    rev: number;
	
	    static createFrom(source: any = {}) {
	        return new UserInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.login = source["login"];
	        this.name = source["name"];
	        this.role = source["role"];
	        this.confidential = source["confidential"];
	        this.active = source["active"];
	        this.lockedUntil = source["lockedUntil"];
	        this.rev = source["rev"];
	    }
	}
	export class AuthState {
	    setupNeeded: boolean;
	    signedIn: boolean;
	    locked: boolean;
	    user?: UserInfo;
	    perms: string[];
	    idleMinutes: number;
	    officeName: string;
	
	    static createFrom(source: any = {}) {
	        return new AuthState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.setupNeeded = source["setupNeeded"];
	        this.signedIn = source["signedIn"];
	        this.locked = source["locked"];
	        this.user = this.convertValues(source["user"], UserInfo);
	        this.perms = source["perms"];
	        this.idleMinutes = source["idleMinutes"];
	        this.officeName = source["officeName"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ExpiredCase {
	    id: number;
	    no: string;
	    type: string;
	    closed: string;
	    retainUntil: string;
	
	    static createFrom(source: any = {}) {
	        return new ExpiredCase(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.no = source["no"];
	        this.type = source["type"];
	        this.closed = source["closed"];
	        this.retainUntil = source["retainUntil"];
	    }
	}
	export class OfficeSettings {
	    orgName: string;
	    orgCode: string;
	    reviewOrg: string;
	    recheckOrg: string;
	    regionCode: string;
	    idleMinutes: number;
	    retentionYears: number;
	    rev: number;
	
	    static createFrom(source: any = {}) {
	        return new OfficeSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orgName = source["orgName"];
	        this.orgCode = source["orgCode"];
	        this.reviewOrg = source["reviewOrg"];
	        this.recheckOrg = source["recheckOrg"];
	        this.regionCode = source["regionCode"];
	        this.idleMinutes = source["idleMinutes"];
	        this.retentionYears = source["retentionYears"];
	        this.rev = source["rev"];
	    }
	}
	export class OutputNote {
	    entity: string;
	    entityId: number;
	    title: string;
	
	    static createFrom(source: any = {}) {
	        return new OutputNote(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.entity = source["entity"];
	        this.entityId = source["entityId"];
	        this.title = source["title"];
	    }
	}
	export class PersonView {
	    id: number;
	    name: string;
	    idNumber?: string;
	    phones?: string[];
	    address?: string;
	    masked: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PersonView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.idNumber = source["idNumber"];
	        this.phones = source["phones"];
	        this.address = source["address"];
	        this.masked = source["masked"];
	    }
	}
	export class Revealed {
	    caseId: number;
	    people: PersonView[];
	    accused: string;
	    riskTags: string[];
	    riskNotes: string[];
	
	    static createFrom(source: any = {}) {
	        return new Revealed(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.caseId = source["caseId"];
	        this.people = this.convertValues(source["people"], PersonView);
	        this.accused = source["accused"];
	        this.riskTags = source["riskTags"];
	        this.riskNotes = source["riskNotes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SetupInput {
	    orgName: string;
	    orgCode: string;
	    reviewOrg: string;
	    recheckOrg: string;
	    regionCode: string;
	    adminName: string;
	    adminLogin: string;
	    password: string;
	
	    static createFrom(source: any = {}) {
	        return new SetupInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orgName = source["orgName"];
	        this.orgCode = source["orgCode"];
	        this.reviewOrg = source["reviewOrg"];
	        this.recheckOrg = source["recheckOrg"];
	        this.regionCode = source["regionCode"];
	        this.adminName = source["adminName"];
	        this.adminLogin = source["adminLogin"];
	        this.password = source["password"];
	    }
	}
	export class StaffMember {
	    id: number;
	    name: string;
	    role: string;
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new StaffMember(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.role = source["role"];
	        this.active = source["active"];
	    }
	}
	export class SystemInfo {
	    version: string;
	    dataPath: string;
	    dataSize: number;
	    backupDir: string;
	    officeName: string;
	    userName: string;
	
	    static createFrom(source: any = {}) {
	        return new SystemInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.dataPath = source["dataPath"];
	        this.dataSize = source["dataSize"];
	        this.backupDir = source["backupDir"];
	        this.officeName = source["officeName"];
	        this.userName = source["userName"];
	    }
	}
	
	export class UserInput {
	    id: number;
	    login: string;
	    name: string;
	    role: string;
	    confidential: boolean;
	    active: boolean;
	    password?: string;
	    rev: number;
	
	    static createFrom(source: any = {}) {
	        return new UserInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.login = source["login"];
	        this.name = source["name"];
	        this.role = source["role"];
	        this.confidential = source["confidential"];
	        this.active = source["active"];
	        this.password = source["password"];
	        this.rev = source["rev"];
	    }
	}

}

