export namespace app {
	
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

}

