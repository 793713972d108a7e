export namespace app {
	
	export class AuditAnchor {
	    at: string;
	    count: number;
	    short: string;
	    backup: string;
	    status: string;
	    detail: string;
	
	    static createFrom(source: any = {}) {
	        return new AuditAnchor(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.at = source["at"];
	        this.count = source["count"];
	        this.short = source["short"];
	        this.backup = source["backup"];
	        this.status = source["status"];
	        this.detail = source["detail"];
	    }
	}
	export class AuditHead {
	    count: number;
	    hash: string;
	    short: string;
	    backupDir: string;
	    anchors: AuditAnchor[];
	
	    static createFrom(source: any = {}) {
	        return new AuditHead(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.count = source["count"];
	        this.hash = source["hash"];
	        this.short = source["short"];
	        this.backupDir = source["backupDir"];
	        this.anchors = this.convertValues(source["anchors"], AuditAnchor);
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
	    head: AuditHead;
	
	    static createFrom(source: any = {}) {
	        return new AuditCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.entries = source["entries"];
	        this.problems = this.convertValues(source["problems"], AuditProblem);
	        this.head = this.convertValues(source["head"], AuditHead);
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
	    record: string;
	
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
	        this.record = source["record"];
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
	    unit: number;
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
	        this.unit = source["unit"];
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
	    screens: string[];
	    demo: boolean;
	
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
	        this.screens = source["screens"];
	        this.demo = source["demo"];
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
	export class BackupCopy {
	    path: string;
	    size: number;
	    at: string;
	    warning: string;
	
	    static createFrom(source: any = {}) {
	        return new BackupCopy(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.size = source["size"];
	        this.at = source["at"];
	        this.warning = source["warning"];
	    }
	}
	export class ClockView {
	    clock: string;
	    label: string;
	    start: string;
	    target: string;
	    legal: string;
	    working: boolean;
	    daysLeft: number;
	    level: string;
	
	    static createFrom(source: any = {}) {
	        return new ClockView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clock = source["clock"];
	        this.label = source["label"];
	        this.start = source["start"];
	        this.target = source["target"];
	        this.legal = source["legal"];
	        this.working = source["working"];
	        this.daysLeft = source["daysLeft"];
	        this.level = source["level"];
	    }
	}
	export class WordingRef {
	    id: number;
	    topic: string;
	    status: string;
	
	    static createFrom(source: any = {}) {
	        return new WordingRef(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.topic = source["topic"];
	        this.status = source["status"];
	    }
	}
	export class CaseRecord {
	    start: string;
	    end: string;
	    receptionist: number;
	    leader: string;
	    idChecked: boolean;
	    statement: string;
	    qa: string;
	    materials: string;
	    explanations: string;
	    scripts: number[];
	    procedure: boolean;
	    remedies: boolean;
	    commitments: string;
	    riskNotes: string;
	    confirmed: boolean;
	    refusal: string;
	    place: string;
	    present: number;
	    riskHidden: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CaseRecord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.start = source["start"];
	        this.end = source["end"];
	        this.receptionist = source["receptionist"];
	        this.leader = source["leader"];
	        this.idChecked = source["idChecked"];
	        this.statement = source["statement"];
	        this.qa = source["qa"];
	        this.materials = source["materials"];
	        this.explanations = source["explanations"];
	        this.scripts = source["scripts"];
	        this.procedure = source["procedure"];
	        this.remedies = source["remedies"];
	        this.commitments = source["commitments"];
	        this.riskNotes = source["riskNotes"];
	        this.confirmed = source["confirmed"];
	        this.refusal = source["refusal"];
	        this.place = source["place"];
	        this.present = source["present"];
	        this.riskHidden = source["riskHidden"];
	    }
	}
	export class CaseField {
	    label: string;
	    value: string;
	
	    static createFrom(source: any = {}) {
	        return new CaseField(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.value = source["value"];
	    }
	}
	export class TimelineEntry {
	    id: number;
	    key: string;
	    kind: string;
	    label: string;
	    at: string;
	    by: string;
	    text: string;
	    details: CaseField[];
	    from: string;
	    to: string;
	    visit: boolean;
	    repeat: boolean;
	    receptionist: string;
	    record?: CaseRecord;
	    scriptRefs: WordingRef[];
	    corrects: number;
	    correctedBy: number;
	
	    static createFrom(source: any = {}) {
	        return new TimelineEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.key = source["key"];
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.at = source["at"];
	        this.by = source["by"];
	        this.text = source["text"];
	        this.details = this.convertValues(source["details"], CaseField);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.visit = source["visit"];
	        this.repeat = source["repeat"];
	        this.receptionist = source["receptionist"];
	        this.record = this.convertValues(source["record"], CaseRecord);
	        this.scriptRefs = this.convertValues(source["scriptRefs"], WordingRef);
	        this.corrects = source["corrects"];
	        this.correctedBy = source["correctedBy"];
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
	export class CasePersonView {
	    id: number;
	    name: string;
	    idNumber?: string;
	    phones?: string[];
	    address?: string;
	    masked: boolean;
	    role: string;
	    sex: string;
	
	    static createFrom(source: any = {}) {
	        return new CasePersonView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.idNumber = source["idNumber"];
	        this.phones = source["phones"];
	        this.address = source["address"];
	        this.masked = source["masked"];
	        this.role = source["role"];
	        this.sex = source["sex"];
	    }
	}
	export class CaseDetail {
	    id: number;
	    rev: number;
	    no: string;
	    externalNo: string;
	    received: string;
	    registered: string;
	    registeredBy: string;
	    channel: string;
	    incoming: string;
	    importedFrom: string;
	    title: string;
	    demand: string;
	    facts: string;
	    place: string;
	    type: string;
	    category: string;
	    categoryLabel: string;
	    accused: string;
	    accusedUnit: string;
	    present: number;
	    involved: number;
	    flags: string[];
	    riskTags: string[];
	    prior: string;
	    status: string;
	    statusLabel: string;
	    disposal: string;
	    dispDetail: string;
	    opinion: string;
	    accepted: string;
	    unit: string;
	    handler: string;
	    outcome: string;
	    reply: string;
	    served: string;
	    servedHow: string;
	    closed: string;
	    archiveNo: string;
	    visits: number;
	    repeat: boolean;
	    firstCase: number;
	    confidential: boolean;
	    identified: boolean;
	    mayReveal: boolean;
	    people: CasePersonView[];
	    timeline: TimelineEntry[];
	    calendarWarning: string;
	    clocks: ClockView[];
	
	    static createFrom(source: any = {}) {
	        return new CaseDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.rev = source["rev"];
	        this.no = source["no"];
	        this.externalNo = source["externalNo"];
	        this.received = source["received"];
	        this.registered = source["registered"];
	        this.registeredBy = source["registeredBy"];
	        this.channel = source["channel"];
	        this.incoming = source["incoming"];
	        this.importedFrom = source["importedFrom"];
	        this.title = source["title"];
	        this.demand = source["demand"];
	        this.facts = source["facts"];
	        this.place = source["place"];
	        this.type = source["type"];
	        this.category = source["category"];
	        this.categoryLabel = source["categoryLabel"];
	        this.accused = source["accused"];
	        this.accusedUnit = source["accusedUnit"];
	        this.present = source["present"];
	        this.involved = source["involved"];
	        this.flags = source["flags"];
	        this.riskTags = source["riskTags"];
	        this.prior = source["prior"];
	        this.status = source["status"];
	        this.statusLabel = source["statusLabel"];
	        this.disposal = source["disposal"];
	        this.dispDetail = source["dispDetail"];
	        this.opinion = source["opinion"];
	        this.accepted = source["accepted"];
	        this.unit = source["unit"];
	        this.handler = source["handler"];
	        this.outcome = source["outcome"];
	        this.reply = source["reply"];
	        this.served = source["served"];
	        this.servedHow = source["servedHow"];
	        this.closed = source["closed"];
	        this.archiveNo = source["archiveNo"];
	        this.visits = source["visits"];
	        this.repeat = source["repeat"];
	        this.firstCase = source["firstCase"];
	        this.confidential = source["confidential"];
	        this.identified = source["identified"];
	        this.mayReveal = source["mayReveal"];
	        this.people = this.convertValues(source["people"], CasePersonView);
	        this.timeline = this.convertValues(source["timeline"], TimelineEntry);
	        this.calendarWarning = source["calendarWarning"];
	        this.clocks = this.convertValues(source["clocks"], ClockView);
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
	export class CaseEdit {
	    caseId: number;
	    rev: number;
	
	    static createFrom(source: any = {}) {
	        return new CaseEdit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.caseId = source["caseId"];
	        this.rev = source["rev"];
	    }
	}
	
	export class MatchSpan {
	    start: number;
	    end: number;
	
	    static createFrom(source: any = {}) {
	        return new MatchSpan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.start = source["start"];
	        this.end = source["end"];
	    }
	}
	export class CaseMatch {
	    field: string;
	    text: string;
	    spans: MatchSpan[];
	
	    static createFrom(source: any = {}) {
	        return new CaseMatch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.text = source["text"];
	        this.spans = this.convertValues(source["spans"], MatchSpan);
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
	export class CaseListRow {
	    id: number;
	    no: string;
	    received: string;
	    title: string;
	    type: string;
	    status: string;
	    statusLabel: string;
	    visits: number;
	    petitioner: string;
	    repeat: boolean;
	    match: CaseMatch[];
	
	    static createFrom(source: any = {}) {
	        return new CaseListRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.no = source["no"];
	        this.received = source["received"];
	        this.title = source["title"];
	        this.type = source["type"];
	        this.status = source["status"];
	        this.statusLabel = source["statusLabel"];
	        this.visits = source["visits"];
	        this.petitioner = source["petitioner"];
	        this.repeat = source["repeat"];
	        this.match = this.convertValues(source["match"], CaseMatch);
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
	export class CaseList {
	    rows: CaseListRow[];
	    total: number;
	    exact: boolean;
	    kind: string;
	
	    static createFrom(source: any = {}) {
	        return new CaseList(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], CaseListRow);
	        this.total = source["total"];
	        this.exact = source["exact"];
	        this.kind = source["kind"];
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
	export class CaseListQuery {
	    text: string;
	    status: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new CaseListQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.status = source["status"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	
	
	
	
	export class UnitOption {
	    id: number;
	    name: string;
	    kind: string;
	    receives: string[];
	
	    static createFrom(source: any = {}) {
	        return new UnitOption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.receives = source["receives"];
	    }
	}
	export class TaskOffer {
	    type: string;
	    label: string;
	    units: UnitOption[];
	    minDue: string;
	    due?: string;
	
	    static createFrom(source: any = {}) {
	        return new TaskOffer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.label = source["label"];
	        this.units = this.convertValues(source["units"], UnitOption);
	        this.minDue = source["minDue"];
	        this.due = source["due"];
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
	export class StepOption {
	    action: string;
	    label: string;
	    kind: string;
	    to?: string;
	    toLabel?: string;
	    letter?: string;
	    fields: string[];
	    required: string[];
	    minDate?: string;
	    choices: Record<string, Array<StepChoice>>;
	    maxDays?: number;
	    suggested: Record<string, string>;
	    correct?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new StepOption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.action = source["action"];
	        this.label = source["label"];
	        this.kind = source["kind"];
	        this.to = source["to"];
	        this.toLabel = source["toLabel"];
	        this.letter = source["letter"];
	        this.fields = source["fields"];
	        this.required = source["required"];
	        this.minDate = source["minDate"];
	        this.choices = this.convertValues(source["choices"], Array<StepChoice>, true);
	        this.maxDays = source["maxDays"];
	        this.suggested = source["suggested"];
	        this.correct = source["correct"];
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
	export class CaseSteps {
	    caseId: number;
	    rev: number;
	    status: string;
	    statusLabel: string;
	    today: string;
	    steps: StepOption[];
	    tasks: TaskOffer[];
	
	    static createFrom(source: any = {}) {
	        return new CaseSteps(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.caseId = source["caseId"];
	        this.rev = source["rev"];
	        this.status = source["status"];
	        this.statusLabel = source["statusLabel"];
	        this.today = source["today"];
	        this.steps = this.convertValues(source["steps"], StepOption);
	        this.tasks = this.convertValues(source["tasks"], TaskOffer);
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
	export class Derived {
	    sex: string;
	    birth: string;
	    area: string;
	
	    static createFrom(source: any = {}) {
	        return new Derived(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sex = source["sex"];
	        this.birth = source["birth"];
	        this.area = source["area"];
	    }
	}
	export class Issue {
	    field: string;
	    code: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Issue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.code = source["code"];
	        this.message = source["message"];
	    }
	}
	export class CheckResult {
	    errors: Issue[];
	    warnings: Issue[];
	    people: Derived[];
	    group: boolean;
	    required: string[];
	    present: number;
	    groupThreshold: number;
	    maxDelegates: number;
	    scripts: WordingRef[];
	
	    static createFrom(source: any = {}) {
	        return new CheckResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.errors = this.convertValues(source["errors"], Issue);
	        this.warnings = this.convertValues(source["warnings"], Issue);
	        this.people = this.convertValues(source["people"], Derived);
	        this.group = source["group"];
	        this.required = source["required"];
	        this.present = source["present"];
	        this.groupThreshold = source["groupThreshold"];
	        this.maxDelegates = source["maxDelegates"];
	        this.scripts = this.convertValues(source["scripts"], WordingRef);
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
	export class ClockLimit {
	    clock: string;
	    label: string;
	    days: number;
	    working: boolean;
	    required: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ClockLimit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clock = source["clock"];
	        this.label = source["label"];
	        this.days = source["days"];
	        this.working = source["working"];
	        this.required = source["required"];
	    }
	}
	
	
	export class DictList {
	    name: string;
	    label: string;
	    entries: dict.Entry[];
	    editable: boolean;
	    rev: number;
	
	    static createFrom(source: any = {}) {
	        return new DictList(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.label = source["label"];
	        this.entries = this.convertValues(source["entries"], dict.Entry);
	        this.editable = source["editable"];
	        this.rev = source["rev"];
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
	export class DisposalOption {
	    action: string;
	    label: string;
	    needs: string[];
	    letter: string;
	    due?: string;
	    task?: string;
	    newUnit?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new DisposalOption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.action = source["action"];
	        this.label = source["label"];
	        this.needs = source["needs"];
	        this.letter = source["letter"];
	        this.due = source["due"];
	        this.task = source["task"];
	        this.newUnit = source["newUnit"];
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
	export class ExportFile {
	    name: string;
	    data: number[];
	
	    static createFrom(source: any = {}) {
	        return new ExportFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.data = source["data"];
	    }
	}
	export class ExportStatus {
	    running: boolean;
	    done: number;
	    total: number;
	    finished: boolean;
	    error: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new ExportStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.running = source["running"];
	        this.done = source["done"];
	        this.total = source["total"];
	        this.finished = source["finished"];
	        this.error = source["error"];
	        this.name = source["name"];
	    }
	}
	export class Figure {
	    key: string;
	    rate: boolean;
	    value?: number;
	    num: number;
	    den?: number;
	    previous?: number;
	    lastYear?: number;
	    previousChange?: number;
	    lastYearChange?: number;
	
	    static createFrom(source: any = {}) {
	        return new Figure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.rate = source["rate"];
	        this.value = source["value"];
	        this.num = source["num"];
	        this.den = source["den"];
	        this.previous = source["previous"];
	        this.lastYear = source["lastYear"];
	        this.previousChange = source["previousChange"];
	        this.lastYearChange = source["lastYearChange"];
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
	export class FormOptions {
	    lists: DictList[];
	    disposals: DisposalOption[];
	    units: UnitOption[];
	    staff: StaffMember[];
	    groupThreshold: number;
	    maxDelegates: number;
	    now: string;
	    user: number;
	    mayRisk: boolean;
	    labels: Record<string, string>;
	    required: string[];
	
	    static createFrom(source: any = {}) {
	        return new FormOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.lists = this.convertValues(source["lists"], DictList);
	        this.disposals = this.convertValues(source["disposals"], DisposalOption);
	        this.units = this.convertValues(source["units"], UnitOption);
	        this.staff = this.convertValues(source["staff"], StaffMember);
	        this.groupThreshold = source["groupThreshold"];
	        this.maxDelegates = source["maxDelegates"];
	        this.now = source["now"];
	        this.user = source["user"];
	        this.mayRisk = source["mayRisk"];
	        this.labels = source["labels"];
	        this.required = source["required"];
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
	export class FormPerson {
	    id: number;
	    name: string;
	    idNumber?: string;
	    phones?: string[];
	    address?: string;
	    masked: boolean;
	    role: string;
	    sex: string;
	    birth: string;
	    idType: string;
	    household: string;
	    workplace: string;
	
	    static createFrom(source: any = {}) {
	        return new FormPerson(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.idNumber = source["idNumber"];
	        this.phones = source["phones"];
	        this.address = source["address"];
	        this.masked = source["masked"];
	        this.role = source["role"];
	        this.sex = source["sex"];
	        this.birth = source["birth"];
	        this.idType = source["idType"];
	        this.household = source["household"];
	        this.workplace = source["workplace"];
	    }
	}
	export class HolidayDay {
	    date: string;
	    kind: string;
	    note: string;
	    weekday: string;
	
	    static createFrom(source: any = {}) {
	        return new HolidayDay(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.kind = source["kind"];
	        this.note = source["note"];
	        this.weekday = source["weekday"];
	    }
	}
	export class HolidayImport {
	    year: number;
	    days: HolidayDay[];
	    errors: deadline.LineError[];
	
	    static createFrom(source: any = {}) {
	        return new HolidayImport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.days = this.convertValues(source["days"], HolidayDay);
	        this.errors = this.convertValues(source["errors"], deadline.LineError);
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
	export class HolidayYear {
	    year: number;
	    covered: boolean;
	    days: HolidayDay[];
	    years: number[];
	    offer: number[];
	    rev: number;
	    recounted: number;
	
	    static createFrom(source: any = {}) {
	        return new HolidayYear(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.covered = source["covered"];
	        this.days = this.convertValues(source["days"], HolidayDay);
	        this.years = source["years"];
	        this.offer = source["offer"];
	        this.rev = source["rev"];
	        this.recounted = source["recounted"];
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
	export class ImportChoice {
	    code: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportChoice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.label = source["label"];
	    }
	}
	export class ImportColumn {
	    index: number;
	    letter: string;
	    header: string;
	    field: string;
	    samples: string[];
	
	    static createFrom(source: any = {}) {
	        return new ImportColumn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.index = source["index"];
	        this.letter = source["letter"];
	        this.header = source["header"];
	        this.field = source["field"];
	        this.samples = source["samples"];
	    }
	}
	export class ImportField {
	    field: string;
	    label: string;
	    required: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ImportField(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.label = source["label"];
	        this.required = source["required"];
	    }
	}
	export class ImportFile {
	    received: number;
	    complete: boolean;
	    name: string;
	    sheet: string;
	    rows: number;
	    columns: ImportColumn[];
	    fields: ImportField[];
	
	    static createFrom(source: any = {}) {
	        return new ImportFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.received = source["received"];
	        this.complete = source["complete"];
	        this.name = source["name"];
	        this.sheet = source["sheet"];
	        this.rows = source["rows"];
	        this.columns = this.convertValues(source["columns"], ImportColumn);
	        this.fields = this.convertValues(source["fields"], ImportField);
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
	export class ImportMapping {
	    columns: string[];
	    values: Record<string, any>;
	
	    static createFrom(source: any = {}) {
	        return new ImportMapping(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.columns = source["columns"];
	        this.values = source["values"];
	    }
	}
	export class ImportProblem {
	    row: number;
	    column: string;
	    field: string;
	    message: string;
	    warning: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ImportProblem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.column = source["column"];
	        this.field = source["field"];
	        this.message = source["message"];
	        this.warning = source["warning"];
	    }
	}
	export class ImportProgress {
	    running: boolean;
	    done: boolean;
	    file: string;
	    total: number;
	    processed: number;
	    added: number;
	    existing: number;
	    refused: number;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportProgress(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.running = source["running"];
	        this.done = source["done"];
	        this.file = source["file"];
	        this.total = source["total"];
	        this.processed = source["processed"];
	        this.added = source["added"];
	        this.existing = source["existing"];
	        this.refused = source["refused"];
	        this.error = source["error"];
	    }
	}
	export class ImportUnknown {
	    field: string;
	    label: string;
	    value: string;
	    rows: number;
	    choices: ImportChoice[];
	
	    static createFrom(source: any = {}) {
	        return new ImportUnknown(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.label = source["label"];
	        this.value = source["value"];
	        this.rows = source["rows"];
	        this.choices = this.convertValues(source["choices"], ImportChoice);
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
	export class ImportReport {
	    file: string;
	    rows: number;
	    ready: number;
	    existing: number;
	    repeated: number;
	    refused: number;
	    problems: ImportProblem[];
	    more: number;
	    unknown: ImportUnknown[];
	    units: string[];
	
	    static createFrom(source: any = {}) {
	        return new ImportReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.rows = source["rows"];
	        this.ready = source["ready"];
	        this.existing = source["existing"];
	        this.repeated = source["repeated"];
	        this.refused = source["refused"];
	        this.problems = this.convertValues(source["problems"], ImportProblem);
	        this.more = source["more"];
	        this.unknown = this.convertValues(source["unknown"], ImportUnknown);
	        this.units = source["units"];
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
	
	export class ImportUpload {
	    name: string;
	    size: number;
	    offset: number;
	    data: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportUpload(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.size = source["size"];
	        this.offset = source["offset"];
	        this.data = source["data"];
	    }
	}
	
	export class LedgerField {
	    key: string;
	    label: string;
	    width: number;
	
	    static createFrom(source: any = {}) {
	        return new LedgerField(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.width = source["width"];
	    }
	}
	export class LedgerFlag {
	    code: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new LedgerFlag(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.label = source["label"];
	    }
	}
	export class UserOption {
	    id: number;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new UserOption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	    }
	}
	export class LedgerOptions {
	    channels: dict.Entry[];
	    types: dict.Entry[];
	    categories: dict.Entry[];
	    statuses: dict.Entry[];
	    units: UnitOption[];
	    flags: LedgerFlag[];
	    handlers: UserOption[];
	    columns: LedgerField[];
	    today: string;
	
	    static createFrom(source: any = {}) {
	        return new LedgerOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.channels = this.convertValues(source["channels"], dict.Entry);
	        this.types = this.convertValues(source["types"], dict.Entry);
	        this.categories = this.convertValues(source["categories"], dict.Entry);
	        this.statuses = this.convertValues(source["statuses"], dict.Entry);
	        this.units = this.convertValues(source["units"], UnitOption);
	        this.flags = this.convertValues(source["flags"], LedgerFlag);
	        this.handlers = this.convertValues(source["handlers"], UserOption);
	        this.columns = this.convertValues(source["columns"], LedgerField);
	        this.today = source["today"];
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
	export class LedgerRow {
	    id: number;
	    no: string;
	    received: string;
	    petitioner: string;
	    idNumber: string;
	    phone: string;
	    present: number;
	    channel: string;
	    type: string;
	    category: string;
	    demand: string;
	    unit: string;
	    status: string;
	    statusLabel: string;
	    due: string;
	    overdue: boolean;
	    outcome: string;
	    satisfaction: string;
	    masked: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LedgerRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.no = source["no"];
	        this.received = source["received"];
	        this.petitioner = source["petitioner"];
	        this.idNumber = source["idNumber"];
	        this.phone = source["phone"];
	        this.present = source["present"];
	        this.channel = source["channel"];
	        this.type = source["type"];
	        this.category = source["category"];
	        this.demand = source["demand"];
	        this.unit = source["unit"];
	        this.status = source["status"];
	        this.statusLabel = source["statusLabel"];
	        this.due = source["due"];
	        this.overdue = source["overdue"];
	        this.outcome = source["outcome"];
	        this.satisfaction = source["satisfaction"];
	        this.masked = source["masked"];
	    }
	}
	export class LedgerPage {
	    rows: LedgerRow[];
	    total: number;
	    exact: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LedgerPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], LedgerRow);
	        this.total = source["total"];
	        this.exact = source["exact"];
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
	export class LedgerQuery {
	    text: string;
	    from: string;
	    to: string;
	    channel: string[];
	    type: string[];
	    category: string[];
	    status: string[];
	    unit: number[];
	    flags: string[];
	    overdue: boolean;
	    handler: number;
	    sort: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new LedgerQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.channel = source["channel"];
	        this.type = source["type"];
	        this.category = source["category"];
	        this.status = source["status"];
	        this.unit = source["unit"];
	        this.flags = source["flags"];
	        this.overdue = source["overdue"];
	        this.handler = source["handler"];
	        this.sort = source["sort"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	
	export class LetterBox {
	    title: string;
	    lines: string[];
	    height: number;
	
	    static createFrom(source: any = {}) {
	        return new LetterBox(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.lines = source["lines"];
	        this.height = source["height"];
	    }
	}
	export class LetterMissing {
	    placeholder: string;
	    takes: string;
	
	    static createFrom(source: any = {}) {
	        return new LetterMissing(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.placeholder = source["placeholder"];
	        this.takes = source["takes"];
	    }
	}
	export class LetterRow {
	    label: string;
	    value: string;
	    wide: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LetterRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.value = source["value"];
	        this.wide = source["wide"];
	    }
	}
	export class LetterDoc {
	    id: number;
	    case: number;
	    task: number;
	    kind: string;
	    kindLabel: string;
	    form: string;
	    to: string;
	    no: string;
	    noPreview: string;
	    title: string;
	    addressee: string;
	    paragraphs: string[];
	    rows: LetterRow[];
	    boxes: LetterBox[];
	    attachments: string[];
	    contact: string;
	    sender: string;
	    date: string;
	    copyTo: string;
	    missing: LetterMissing[];
	    redacted: boolean;
	    templateVersion: number;
	    issuedBy: string;
	    issuedAt: string;
	    supersedes: string;
	    supersededBy: string;
	
	    static createFrom(source: any = {}) {
	        return new LetterDoc(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.case = source["case"];
	        this.task = source["task"];
	        this.kind = source["kind"];
	        this.kindLabel = source["kindLabel"];
	        this.form = source["form"];
	        this.to = source["to"];
	        this.no = source["no"];
	        this.noPreview = source["noPreview"];
	        this.title = source["title"];
	        this.addressee = source["addressee"];
	        this.paragraphs = source["paragraphs"];
	        this.rows = this.convertValues(source["rows"], LetterRow);
	        this.boxes = this.convertValues(source["boxes"], LetterBox);
	        this.attachments = source["attachments"];
	        this.contact = source["contact"];
	        this.sender = source["sender"];
	        this.date = source["date"];
	        this.copyTo = source["copyTo"];
	        this.missing = this.convertValues(source["missing"], LetterMissing);
	        this.redacted = source["redacted"];
	        this.templateVersion = source["templateVersion"];
	        this.issuedBy = source["issuedBy"];
	        this.issuedAt = source["issuedAt"];
	        this.supersedes = source["supersedes"];
	        this.supersededBy = source["supersededBy"];
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
	export class LetterInput {
	    case: number;
	    task: number;
	    kind: string;
	    template: number;
	    body: string;
	
	    static createFrom(source: any = {}) {
	        return new LetterInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.case = source["case"];
	        this.task = source["task"];
	        this.kind = source["kind"];
	        this.template = source["template"];
	        this.body = source["body"];
	    }
	}
	export class LetterKind {
	    kind: string;
	    label: string;
	    form: string;
	    to: string;
	    needs: string;
	
	    static createFrom(source: any = {}) {
	        return new LetterKind(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.form = source["form"];
	        this.to = source["to"];
	        this.needs = source["needs"];
	    }
	}
	export class LetterLayout {
	    letterhead: boolean;
	    headerMM: number;
	    offsetXMM: number;
	    offsetYMM: number;
	    orgName: string;
	
	    static createFrom(source: any = {}) {
	        return new LetterLayout(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.letterhead = source["letterhead"];
	        this.headerMM = source["headerMM"];
	        this.offsetXMM = source["offsetXMM"];
	        this.offsetYMM = source["offsetYMM"];
	        this.orgName = source["orgName"];
	    }
	}
	export class LetterRowView {
	    id: number;
	    no: string;
	    kind: string;
	    kindLabel: string;
	    title: string;
	    addressee: string;
	    case: number;
	    caseNo: string;
	    issuedAt: string;
	    issuedBy: string;
	    superseded: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LetterRowView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.no = source["no"];
	        this.kind = source["kind"];
	        this.kindLabel = source["kindLabel"];
	        this.title = source["title"];
	        this.addressee = source["addressee"];
	        this.case = source["case"];
	        this.caseNo = source["caseNo"];
	        this.issuedAt = source["issuedAt"];
	        this.issuedBy = source["issuedBy"];
	        this.superseded = source["superseded"];
	    }
	}
	export class LetterList {
	    rows: LetterRowView[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new LetterList(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], LetterRowView);
	        this.total = source["total"];
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
	
	export class LetterQuery {
	    kind: string;
	    from: string;
	    to: string;
	    no: string;
	    case: number;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new LetterQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.no = source["no"];
	        this.case = source["case"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	
	
	
	export class NumberPattern {
	    kind: string;
	    label: string;
	    pattern: string;
	    example: string;
	
	    static createFrom(source: any = {}) {
	        return new NumberPattern(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.pattern = source["pattern"];
	        this.example = source["example"];
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
	    groupThreshold: number;
	    maxDelegates: number;
	    warnDays: number;
	    halfTimeAlert: boolean;
	    letterPhone: string;
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
	        this.groupThreshold = source["groupThreshold"];
	        this.maxDelegates = source["maxDelegates"];
	        this.warnDays = source["warnDays"];
	        this.halfTimeAlert = source["halfTimeAlert"];
	        this.letterPhone = source["letterPhone"];
	        this.rev = source["rev"];
	    }
	}
	export class PeriodView {
	    kind: string;
	    from: string;
	    to: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new PeriodView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.label = source["label"];
	    }
	}
	export class PersonInput {
	    id: number;
	    role: string;
	    name: string;
	    anonymous: boolean;
	    sex: string;
	    birth: string;
	    idType: string;
	    idNumber: string;
	    phone: string;
	    phone2: string;
	    address: string;
	    household: string;
	    postcode: string;
	    workplace: string;
	    relation: string;
	
	    static createFrom(source: any = {}) {
	        return new PersonInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.role = source["role"];
	        this.name = source["name"];
	        this.anonymous = source["anonymous"];
	        this.sex = source["sex"];
	        this.birth = source["birth"];
	        this.idType = source["idType"];
	        this.idNumber = source["idNumber"];
	        this.phone = source["phone"];
	        this.phone2 = source["phone2"];
	        this.address = source["address"];
	        this.household = source["household"];
	        this.postcode = source["postcode"];
	        this.workplace = source["workplace"];
	        this.relation = source["relation"];
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
	export class Placeholder {
	    name: string;
	    takes: string;
	
	    static createFrom(source: any = {}) {
	        return new Placeholder(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.takes = source["takes"];
	    }
	}
	export class PrintNote {
	    kind: string;
	    caseId: number;
	    visitId: number;
	    eventId: number;
	
	    static createFrom(source: any = {}) {
	        return new PrintNote(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.caseId = source["caseId"];
	        this.visitId = source["visitId"];
	        this.eventId = source["eventId"];
	    }
	}
	export class ProfileInfo {
	    id: string;
	    name: string;
	    basis: string;
	    unverified: boolean;
	    builtin: boolean;
	    inUse: boolean;
	    limits: ClockLimit[];
	    maxExtension: number;
	
	    static createFrom(source: any = {}) {
	        return new ProfileInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.basis = source["basis"];
	        this.unverified = source["unverified"];
	        this.builtin = source["builtin"];
	        this.inUse = source["inUse"];
	        this.limits = this.convertValues(source["limits"], ClockLimit);
	        this.maxExtension = source["maxExtension"];
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
	export class ProfileList {
	    profiles: ProfileInfo[];
	    inUse: string;
	    rev: number;
	    recounted: number;
	
	    static createFrom(source: any = {}) {
	        return new ProfileList(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profiles = this.convertValues(source["profiles"], ProfileInfo);
	        this.inUse = source["inUse"];
	        this.rev = source["rev"];
	        this.recounted = source["recounted"];
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
	export class UnitLoad {
	    unitId: number;
	    name: string;
	    open: number;
	    overdue: number;
	
	    static createFrom(source: any = {}) {
	        return new UnitLoad(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unitId = source["unitId"];
	        this.name = source["name"];
	        this.open = source["open"];
	        this.overdue = source["overdue"];
	    }
	}
	export class QueueItem {
	    caseId: number;
	    caseNo: string;
	    title: string;
	    status: string;
	    statusLabel: string;
	    unit?: string;
	    clock?: string;
	    legal?: string;
	    target?: string;
	    daysLeft: number;
	    level?: string;
	    confidential: boolean;
	
	    static createFrom(source: any = {}) {
	        return new QueueItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.caseId = source["caseId"];
	        this.caseNo = source["caseNo"];
	        this.title = source["title"];
	        this.status = source["status"];
	        this.statusLabel = source["statusLabel"];
	        this.unit = source["unit"];
	        this.clock = source["clock"];
	        this.legal = source["legal"];
	        this.target = source["target"];
	        this.daysLeft = source["daysLeft"];
	        this.level = source["level"];
	        this.confidential = source["confidential"];
	    }
	}
	export class QueueGroup {
	    kind: string;
	    label: string;
	    total: number;
	    items: QueueItem[];
	
	    static createFrom(source: any = {}) {
	        return new QueueGroup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.total = source["total"];
	        this.items = this.convertValues(source["items"], QueueItem);
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
	export class Queue {
	    today: string;
	    warnDays: number;
	    visits: number;
	    groups: QueueGroup[];
	    dueToday: QueueItem[];
	    dueTodayTotal: number;
	    units: UnitLoad[];
	    unit?: string;
	
	    static createFrom(source: any = {}) {
	        return new Queue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.today = source["today"];
	        this.warnDays = source["warnDays"];
	        this.visits = source["visits"];
	        this.groups = this.convertValues(source["groups"], QueueGroup);
	        this.dueToday = this.convertValues(source["dueToday"], QueueItem);
	        this.dueTodayTotal = source["dueTodayTotal"];
	        this.units = this.convertValues(source["units"], UnitLoad);
	        this.unit = source["unit"];
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
	
	
	export class RecordInput {
	    start: string;
	    end: string;
	    receptionist: number;
	    leader: string;
	    idChecked: boolean;
	    statement: string;
	    qa: string;
	    materials: string;
	    explanations: string;
	    scripts: number[];
	    procedure: boolean;
	    remedies: boolean;
	    commitments: string;
	    riskNotes: string;
	    confirmed: boolean;
	    refusal: string;
	
	    static createFrom(source: any = {}) {
	        return new RecordInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.start = source["start"];
	        this.end = source["end"];
	        this.receptionist = source["receptionist"];
	        this.leader = source["leader"];
	        this.idChecked = source["idChecked"];
	        this.statement = source["statement"];
	        this.qa = source["qa"];
	        this.materials = source["materials"];
	        this.explanations = source["explanations"];
	        this.scripts = source["scripts"];
	        this.procedure = source["procedure"];
	        this.remedies = source["remedies"];
	        this.commitments = source["commitments"];
	        this.riskNotes = source["riskNotes"];
	        this.confirmed = source["confirmed"];
	        this.refusal = source["refusal"];
	    }
	}
	export class WordingEntry {
	    id: number;
	    topic: string;
	    category: string;
	    keywords: string;
	    text: string;
	    basis: string;
	    validFrom: string;
	    validUntil: string;
	    status: string;
	    version: number;
	    supersedes: number;
	    supersededBy: number;
	    author: string;
	    approver: string;
	    approved: string;
	    usable: boolean;
	    rev: number;
	
	    static createFrom(source: any = {}) {
	        return new WordingEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.topic = source["topic"];
	        this.category = source["category"];
	        this.keywords = source["keywords"];
	        this.text = source["text"];
	        this.basis = source["basis"];
	        this.validFrom = source["validFrom"];
	        this.validUntil = source["validUntil"];
	        this.status = source["status"];
	        this.version = source["version"];
	        this.supersedes = source["supersedes"];
	        this.supersededBy = source["supersededBy"];
	        this.author = source["author"];
	        this.approver = source["approver"];
	        this.approved = source["approved"];
	        this.usable = source["usable"];
	        this.rev = source["rev"];
	    }
	}
	export class RecordSheet {
	    orgName: string;
	    caseNo: string;
	    caseTitle: string;
	    eventId: number;
	    date: string;
	    receptionist: string;
	    people: CasePersonView[];
	    record: CaseRecord;
	    scripts: WordingEntry[];
	    corrected: boolean;
	    correction: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RecordSheet(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orgName = source["orgName"];
	        this.caseNo = source["caseNo"];
	        this.caseTitle = source["caseTitle"];
	        this.eventId = source["eventId"];
	        this.date = source["date"];
	        this.receptionist = source["receptionist"];
	        this.people = this.convertValues(source["people"], CasePersonView);
	        this.record = this.convertValues(source["record"], CaseRecord);
	        this.scripts = this.convertValues(source["scripts"], WordingEntry);
	        this.corrected = source["corrected"];
	        this.correction = source["correction"];
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
	export class RegisterInput {
	    receivedAt: string;
	    channel: string;
	    externalNo: string;
	    reception: string;
	    incomingOrg: string;
	    incomingDocNo: string;
	    incomingDate: string;
	    incomingDue: string;
	    people: PersonInput[];
	    present: number;
	    involved: number;
	    title: string;
	    demand: string;
	    facts: string;
	    region: string;
	    site: string;
	    accused: string;
	    accusedUnit: number;
	    type: string;
	    category: string;
	    category2: string;
	    litigation: boolean;
	    skipLevel: boolean;
	    repeat: boolean;
	    urgent: boolean;
	    confidential: boolean;
	    realName: boolean;
	    riskTags: string[];
	    prior: string;
	    notConfidential: boolean;
	    disposal: string;
	    reason: string;
	    body: string;
	    unitId: number;
	    unit: string;
	    due: string;
	    opinion: string;
	    record: RecordInput;
	    linkCase: number;
	    firstCase: number;
	
	    static createFrom(source: any = {}) {
	        return new RegisterInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.receivedAt = source["receivedAt"];
	        this.channel = source["channel"];
	        this.externalNo = source["externalNo"];
	        this.reception = source["reception"];
	        this.incomingOrg = source["incomingOrg"];
	        this.incomingDocNo = source["incomingDocNo"];
	        this.incomingDate = source["incomingDate"];
	        this.incomingDue = source["incomingDue"];
	        this.people = this.convertValues(source["people"], PersonInput);
	        this.present = source["present"];
	        this.involved = source["involved"];
	        this.title = source["title"];
	        this.demand = source["demand"];
	        this.facts = source["facts"];
	        this.region = source["region"];
	        this.site = source["site"];
	        this.accused = source["accused"];
	        this.accusedUnit = source["accusedUnit"];
	        this.type = source["type"];
	        this.category = source["category"];
	        this.category2 = source["category2"];
	        this.litigation = source["litigation"];
	        this.skipLevel = source["skipLevel"];
	        this.repeat = source["repeat"];
	        this.urgent = source["urgent"];
	        this.confidential = source["confidential"];
	        this.realName = source["realName"];
	        this.riskTags = source["riskTags"];
	        this.prior = source["prior"];
	        this.notConfidential = source["notConfidential"];
	        this.disposal = source["disposal"];
	        this.reason = source["reason"];
	        this.body = source["body"];
	        this.unitId = source["unitId"];
	        this.unit = source["unit"];
	        this.due = source["due"];
	        this.opinion = source["opinion"];
	        this.record = this.convertValues(source["record"], RecordInput);
	        this.linkCase = source["linkCase"];
	        this.firstCase = source["firstCase"];
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
	export class Registered {
	    caseId: number;
	    caseNo: string;
	    visitId: number;
	    status: string;
	    statusLabel: string;
	    group: boolean;
	    repeat: boolean;
	    due: string;
	    dueLabel: string;
	    warnings: Issue[];
	
	    static createFrom(source: any = {}) {
	        return new Registered(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.caseId = source["caseId"];
	        this.caseNo = source["caseNo"];
	        this.visitId = source["visitId"];
	        this.status = source["status"];
	        this.statusLabel = source["statusLabel"];
	        this.group = source["group"];
	        this.repeat = source["repeat"];
	        this.due = source["due"];
	        this.dueLabel = source["dueLabel"];
	        this.warnings = this.convertValues(source["warnings"], Issue);
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
	export class RegistrationForm {
	    orgName: string;
	    caseId: number;
	    caseNo: string;
	    externalNo: string;
	    received: string;
	    registered: string;
	    registeredBy: string;
	    channel: string;
	    reception: string;
	    receptionist: string;
	    leader: string;
	    incoming: string;
	    people: FormPerson[];
	    present: number;
	    involved: number;
	    group: boolean;
	    title: string;
	    demand: string;
	    facts: string;
	    region: string;
	    accused: string;
	    type: string;
	    category: string;
	    flags: string[];
	    prior: string;
	    disposal: string;
	    dispDetail: string;
	    opinion: string;
	    statusLabel: string;
	    due: string;
	    dueLabel: string;
	    repeat: boolean;
	    masked: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RegistrationForm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orgName = source["orgName"];
	        this.caseId = source["caseId"];
	        this.caseNo = source["caseNo"];
	        this.externalNo = source["externalNo"];
	        this.received = source["received"];
	        this.registered = source["registered"];
	        this.registeredBy = source["registeredBy"];
	        this.channel = source["channel"];
	        this.reception = source["reception"];
	        this.receptionist = source["receptionist"];
	        this.leader = source["leader"];
	        this.incoming = source["incoming"];
	        this.people = this.convertValues(source["people"], FormPerson);
	        this.present = source["present"];
	        this.involved = source["involved"];
	        this.group = source["group"];
	        this.title = source["title"];
	        this.demand = source["demand"];
	        this.facts = source["facts"];
	        this.region = source["region"];
	        this.accused = source["accused"];
	        this.type = source["type"];
	        this.category = source["category"];
	        this.flags = source["flags"];
	        this.prior = source["prior"];
	        this.disposal = source["disposal"];
	        this.dispDetail = source["dispDetail"];
	        this.opinion = source["opinion"];
	        this.statusLabel = source["statusLabel"];
	        this.due = source["due"];
	        this.dueLabel = source["dueLabel"];
	        this.repeat = source["repeat"];
	        this.masked = source["masked"];
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
	export class RepeatCase {
	    id: number;
	    no: string;
	    received: string;
	    title: string;
	    type: string;
	    status: string;
	    statusLabel: string;
	    disposal: string;
	    outcome: string;
	    reply: string;
	    replyDate: string;
	    replySource: string;
	    replyLetter: string;
	    visits: number;
	    petitioner: string;
	    confidential: boolean;
	    byPerson: boolean;
	    personMatch: string;
	    bySimilar: boolean;
	    preselect: boolean;
	    scripts: WordingRef[];
	
	    static createFrom(source: any = {}) {
	        return new RepeatCase(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.no = source["no"];
	        this.received = source["received"];
	        this.title = source["title"];
	        this.type = source["type"];
	        this.status = source["status"];
	        this.statusLabel = source["statusLabel"];
	        this.disposal = source["disposal"];
	        this.outcome = source["outcome"];
	        this.reply = source["reply"];
	        this.replyDate = source["replyDate"];
	        this.replySource = source["replySource"];
	        this.replyLetter = source["replyLetter"];
	        this.visits = source["visits"];
	        this.petitioner = source["petitioner"];
	        this.confidential = source["confidential"];
	        this.byPerson = source["byPerson"];
	        this.personMatch = source["personMatch"];
	        this.bySimilar = source["bySimilar"];
	        this.preselect = source["preselect"];
	        this.scripts = this.convertValues(source["scripts"], WordingRef);
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
	export class RepeatPanel {
	    people: PersonView[];
	    cases: RepeatCase[];
	    terms: string[];
	
	    static createFrom(source: any = {}) {
	        return new RepeatPanel(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.people = this.convertValues(source["people"], PersonView);
	        this.cases = this.convertValues(source["cases"], RepeatCase);
	        this.terms = source["terms"];
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
	export class RepeatQuery {
	    idType: string;
	    idNumber: string;
	    phone: string;
	    name: string;
	    text: string;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new RepeatQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.idType = source["idType"];
	        this.idNumber = source["idNumber"];
	        this.phone = source["phone"];
	        this.name = source["name"];
	        this.text = source["text"];
	        this.limit = source["limit"];
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
	export class SavedFile {
	    path: string;
	
	    static createFrom(source: any = {}) {
	        return new SavedFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
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
	
	export class StatsFile {
	    name: string;
	    data: number[];
	
	    static createFrom(source: any = {}) {
	        return new StatsFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.data = source["data"];
	    }
	}
	export class StatsQuery {
	    kind: string;
	    year: number;
	    num: number;
	    from: string;
	    to: string;
	
	    static createFrom(source: any = {}) {
	        return new StatsQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.year = source["year"];
	        this.num = source["num"];
	        this.from = source["from"];
	        this.to = source["to"];
	    }
	}
	export class TopPetitioner {
	    rank: number;
	    name: string;
	    masked: boolean;
	    visits: number;
	    cases: number;
	    last: string;
	
	    static createFrom(source: any = {}) {
	        return new TopPetitioner(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rank = source["rank"];
	        this.name = source["name"];
	        this.masked = source["masked"];
	        this.visits = source["visits"];
	        this.cases = source["cases"];
	        this.last = source["last"];
	    }
	}
	export class TrendPoint {
	    month: string;
	    cases: number;
	    visits: number;
	    people: number;
	
	    static createFrom(source: any = {}) {
	        return new TrendPoint(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.month = source["month"];
	        this.cases = source["cases"];
	        this.visits = source["visits"];
	        this.people = source["people"];
	    }
	}
	export class StatsSlice {
	    key: string;
	    label: string;
	    cases: number;
	
	    static createFrom(source: any = {}) {
	        return new StatsSlice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.cases = source["cases"];
	    }
	}
	export class StatsReport {
	    office: string;
	    period: PeriodView;
	    previous: PeriodView;
	    lastYear: PeriodView;
	    today: string;
	    unit?: string;
	    figures: Figure[];
	    byChannel: StatsSlice[];
	    byType: StatsSlice[];
	    byCategory: StatsSlice[];
	    byUnit: StatsSlice[];
	    trend: TrendPoint[];
	    top: TopPetitioner[];
	
	    static createFrom(source: any = {}) {
	        return new StatsReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.office = source["office"];
	        this.period = this.convertValues(source["period"], PeriodView);
	        this.previous = this.convertValues(source["previous"], PeriodView);
	        this.lastYear = this.convertValues(source["lastYear"], PeriodView);
	        this.today = source["today"];
	        this.unit = source["unit"];
	        this.figures = this.convertValues(source["figures"], Figure);
	        this.byChannel = this.convertValues(source["byChannel"], StatsSlice);
	        this.byType = this.convertValues(source["byType"], StatsSlice);
	        this.byCategory = this.convertValues(source["byCategory"], StatsSlice);
	        this.byUnit = this.convertValues(source["byUnit"], StatsSlice);
	        this.trend = this.convertValues(source["trend"], TrendPoint);
	        this.top = this.convertValues(source["top"], TopPetitioner);
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
	
	export class StepChoice {
	    value: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new StepChoice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.label = source["label"];
	    }
	}
	export class StepInput {
	    action: string;
	    rev: number;
	    date: string;
	    reason: string;
	    body: string;
	    days: number;
	    outcome: string;
	    text: string;
	    how: string;
	    receiptNo: string;
	    rating: string;
	    result: string;
	    archiveNo: string;
	
	    static createFrom(source: any = {}) {
	        return new StepInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.action = source["action"];
	        this.rev = source["rev"];
	        this.date = source["date"];
	        this.reason = source["reason"];
	        this.body = source["body"];
	        this.days = source["days"];
	        this.outcome = source["outcome"];
	        this.text = source["text"];
	        this.how = source["how"];
	        this.receiptNo = source["receiptNo"];
	        this.rating = source["rating"];
	        this.result = source["result"];
	        this.archiveNo = source["archiveNo"];
	    }
	}
	
	export class SystemInfo {
	    version: string;
	    dataPath: string;
	    dataSize: number;
	    backupDir: string;
	    officeName: string;
	    userName: string;
	    calendarWarning: string;
	
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
	        this.calendarWarning = source["calendarWarning"];
	    }
	}
	export class TaskAction {
	    action: string;
	    label: string;
	    needs: string[];
	    suggested: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new TaskAction(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.action = source["action"];
	        this.label = source["label"];
	        this.needs = source["needs"];
	        this.suggested = source["suggested"];
	    }
	}
	export class TaskUrge {
	    no: number;
	    level: string;
	    text: string;
	    at: string;
	    by: string;
	
	    static createFrom(source: any = {}) {
	        return new TaskUrge(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.no = source["no"];
	        this.level = source["level"];
	        this.text = source["text"];
	        this.at = source["at"];
	        this.by = source["by"];
	    }
	}
	export class TaskEvent {
	    at: string;
	    by: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new TaskEvent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.at = source["at"];
	        this.by = source["by"];
	        this.text = source["text"];
	    }
	}
	export class TaskDetail {
	    id: number;
	    case: number;
	    caseNo: string;
	    title: string;
	    type: string;
	    unit: number;
	    unitName: string;
	    status: string;
	    statusLabel: string;
	    issued: string;
	    due: string;
	    dueLevel: string;
	    urges: number;
	    urgeLevel: string;
	    alert: string;
	    rev: number;
	    requirement: string;
	    issuedBy: string;
	    received: string;
	    receiver: string;
	    objection: string;
	    objectionEnds: string;
	    objDecision: string;
	    extDays: number;
	    extReason: string;
	    extDecision: string;
	    feedback: string;
	    feedbackDate: string;
	    result: string;
	    returnReason: string;
	    redacted: boolean;
	    history: TaskEvent[];
	    urgeList: TaskUrge[];
	    steps: TaskAction[];
	    canUrge: boolean;
	    urgeLevels: string[];
	    outcomes: string[];
	
	    static createFrom(source: any = {}) {
	        return new TaskDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.case = source["case"];
	        this.caseNo = source["caseNo"];
	        this.title = source["title"];
	        this.type = source["type"];
	        this.unit = source["unit"];
	        this.unitName = source["unitName"];
	        this.status = source["status"];
	        this.statusLabel = source["statusLabel"];
	        this.issued = source["issued"];
	        this.due = source["due"];
	        this.dueLevel = source["dueLevel"];
	        this.urges = source["urges"];
	        this.urgeLevel = source["urgeLevel"];
	        this.alert = source["alert"];
	        this.rev = source["rev"];
	        this.requirement = source["requirement"];
	        this.issuedBy = source["issuedBy"];
	        this.received = source["received"];
	        this.receiver = source["receiver"];
	        this.objection = source["objection"];
	        this.objectionEnds = source["objectionEnds"];
	        this.objDecision = source["objDecision"];
	        this.extDays = source["extDays"];
	        this.extReason = source["extReason"];
	        this.extDecision = source["extDecision"];
	        this.feedback = source["feedback"];
	        this.feedbackDate = source["feedbackDate"];
	        this.result = source["result"];
	        this.returnReason = source["returnReason"];
	        this.redacted = source["redacted"];
	        this.history = this.convertValues(source["history"], TaskEvent);
	        this.urgeList = this.convertValues(source["urgeList"], TaskUrge);
	        this.steps = this.convertValues(source["steps"], TaskAction);
	        this.canUrge = source["canUrge"];
	        this.urgeLevels = source["urgeLevels"];
	        this.outcomes = source["outcomes"];
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
	
	export class TaskInput {
	    case: number;
	    type: string;
	    unit: number;
	    requirement: string;
	    due: string;
	    rev: number;
	
	    static createFrom(source: any = {}) {
	        return new TaskInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.case = source["case"];
	        this.type = source["type"];
	        this.unit = source["unit"];
	        this.requirement = source["requirement"];
	        this.due = source["due"];
	        this.rev = source["rev"];
	    }
	}
	
	export class TaskRow {
	    id: number;
	    case: number;
	    caseNo: string;
	    title: string;
	    type: string;
	    unit: number;
	    unitName: string;
	    status: string;
	    statusLabel: string;
	    issued: string;
	    due: string;
	    dueLevel: string;
	    urges: number;
	    urgeLevel: string;
	    alert: string;
	    rev: number;
	
	    static createFrom(source: any = {}) {
	        return new TaskRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.case = source["case"];
	        this.caseNo = source["caseNo"];
	        this.title = source["title"];
	        this.type = source["type"];
	        this.unit = source["unit"];
	        this.unitName = source["unitName"];
	        this.status = source["status"];
	        this.statusLabel = source["statusLabel"];
	        this.issued = source["issued"];
	        this.due = source["due"];
	        this.dueLevel = source["dueLevel"];
	        this.urges = source["urges"];
	        this.urgeLevel = source["urgeLevel"];
	        this.alert = source["alert"];
	        this.rev = source["rev"];
	    }
	}
	export class TaskPage {
	    rows: TaskRow[];
	    total: number;
	    units: UnitOption[];
	
	    static createFrom(source: any = {}) {
	        return new TaskPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], TaskRow);
	        this.total = source["total"];
	        this.units = this.convertValues(source["units"], UnitOption);
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
	export class TaskQuery {
	    state: string;
	    unit: number;
	    page: number;
	    size: number;
	
	    static createFrom(source: any = {}) {
	        return new TaskQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.unit = source["unit"];
	        this.page = source["page"];
	        this.size = source["size"];
	    }
	}
	
	export class TaskStepInput {
	    task: number;
	    action: string;
	    rev: number;
	    receiver: string;
	    reason: string;
	    days: number;
	    text: string;
	    result: string;
	    date: string;
	    due: string;
	
	    static createFrom(source: any = {}) {
	        return new TaskStepInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.task = source["task"];
	        this.action = source["action"];
	        this.rev = source["rev"];
	        this.receiver = source["receiver"];
	        this.reason = source["reason"];
	        this.days = source["days"];
	        this.text = source["text"];
	        this.result = source["result"];
	        this.date = source["date"];
	        this.due = source["due"];
	    }
	}
	
	export class TemplateView {
	    kind: string;
	    label: string;
	    version: number;
	    body: string;
	    builtin: boolean;
	    updatedBy: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new TemplateView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.version = source["version"];
	        this.body = source["body"];
	        this.builtin = source["builtin"];
	        this.updatedBy = source["updatedBy"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	
	export class TodayVisit {
	    visitId: number;
	    caseId: number;
	    caseNo: string;
	    at: string;
	    name: string;
	    idNumber: string;
	    phone: string;
	    people: number;
	    present: number;
	    title: string;
	    type: string;
	    status: string;
	    statusLabel: string;
	    disposal: string;
	    repeat: boolean;
	    group: boolean;
	    confidential: boolean;
	    masked: boolean;
	    flags: string[];
	
	    static createFrom(source: any = {}) {
	        return new TodayVisit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.visitId = source["visitId"];
	        this.caseId = source["caseId"];
	        this.caseNo = source["caseNo"];
	        this.at = source["at"];
	        this.name = source["name"];
	        this.idNumber = source["idNumber"];
	        this.phone = source["phone"];
	        this.people = source["people"];
	        this.present = source["present"];
	        this.title = source["title"];
	        this.type = source["type"];
	        this.status = source["status"];
	        this.statusLabel = source["statusLabel"];
	        this.disposal = source["disposal"];
	        this.repeat = source["repeat"];
	        this.group = source["group"];
	        this.confidential = source["confidential"];
	        this.masked = source["masked"];
	        this.flags = source["flags"];
	    }
	}
	
	
	export class UnitInput {
	    id: number;
	    name: string;
	    kind: string;
	    contact: string;
	    phone: string;
	    assignable: boolean;
	    active: boolean;
	    rev: number;
	
	    static createFrom(source: any = {}) {
	        return new UnitInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.contact = source["contact"];
	        this.phone = source["phone"];
	        this.assignable = source["assignable"];
	        this.active = source["active"];
	        this.rev = source["rev"];
	    }
	}
	export class UnitKind {
	    code: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new UnitKind(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.label = source["label"];
	    }
	}
	export class UnitView {
	    id: number;
	    name: string;
	    kind: string;
	    kindLabel: string;
	    contact: string;
	    phone: string;
	    assignable: boolean;
	    active: boolean;
	    inUse: boolean;
	    rev: number;
	
	    static createFrom(source: any = {}) {
	        return new UnitView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.kindLabel = source["kindLabel"];
	        this.contact = source["contact"];
	        this.phone = source["phone"];
	        this.assignable = source["assignable"];
	        this.active = source["active"];
	        this.inUse = source["inUse"];
	        this.rev = source["rev"];
	    }
	}
	export class UnitList {
	    units: UnitView[];
	    kinds: UnitKind[];
	
	    static createFrom(source: any = {}) {
	        return new UnitList(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.units = this.convertValues(source["units"], UnitView);
	        this.kinds = this.convertValues(source["kinds"], UnitKind);
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
	
	
	
	export class UrgeInput {
	    task: number;
	    level: string;
	    text: string;
	    rev: number;
	
	    static createFrom(source: any = {}) {
	        return new UrgeInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.task = source["task"];
	        this.level = source["level"];
	        this.text = source["text"];
	        this.rev = source["rev"];
	    }
	}
	
	export class UserInput {
	    id: number;
	    login: string;
	    name: string;
	    role: string;
	    confidential: boolean;
	    active: boolean;
	    unit: number;
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
	        this.unit = source["unit"];
	        this.password = source["password"];
	        this.rev = source["rev"];
	    }
	}
	
	
	export class WordingQuery {
	    text: string;
	    status: string;
	    category: string;
	
	    static createFrom(source: any = {}) {
	        return new WordingQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.status = source["status"];
	        this.category = source["category"];
	    }
	}

}

export namespace deadline {
	
	export class LineError {
	    line: number;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new LineError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.message = source["message"];
	    }
	}

}

export namespace dict {
	
	export class Entry {
	    code: string;
	    label: string;
	    parent?: string;
	    sort: number;
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Entry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.label = source["label"];
	        this.parent = source["parent"];
	        this.sort = source["sort"];
	        this.active = source["active"];
	    }
	}
	export class List {
	    name: string;
	    label: string;
	    entries: Entry[];
	
	    static createFrom(source: any = {}) {
	        return new List(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.label = source["label"];
	        this.entries = this.convertValues(source["entries"], Entry);
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

}

