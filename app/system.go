package app

// System answers what the office needs to know about the installation.
type System struct{ svc }

// SystemInfo describes the running program and its data file.
type SystemInfo struct {
	Version    string `json:"version"`
	DataPath   string `json:"dataPath"`
	DataSize   int64  `json:"dataSize"`
	BackupDir  string `json:"backupDir"`
	OfficeName string `json:"officeName"`
	UserName   string `json:"userName"`
}

// Info reports the version, the data file and where backups go.
func (s *System) Info() (SystemInfo, error) {
	act, st, err := s.gate("System.Info")
	if err != nil {
		return SystemInfo{}, err
	}
	size, err := st.Size()
	if err != nil {
		return SystemInfo{}, err
	}
	settings, err := st.Settings()
	if err != nil {
		return SystemInfo{}, err
	}
	office := settings.OrgName
	if office == "" {
		office = "未设置单位名称"
	}
	return SystemInfo{
		Version:    s.app.opts.Version,
		DataPath:   st.Path(),
		DataSize:   size,
		BackupDir:  st.BackupDir(),
		OfficeName: office,
		UserName:   act.Name,
	}, nil
}
