Unicode true

####
## The installer of 来访接待 for Windows 10 and later, in Chinese.
## Built by build/windows/build.sh (`make windows`), which passes:
##   -DARG_WAILS_AMD64_BINARY=laifang.exe (the window, built by `wails build`)
##   -DARG_CLI_BINARY=laifang-cli.exe     (the console program, for cmd and scheduled tasks)
##   -DINFO_PRODUCTVERSION=<wails.json's productVersion>
##
## - Per machine (Program Files, needs an administrator) or per user
##   (%LocalAppData%\Programs, no administrator): chosen on a page when the
##   user is an administrator, or with /AllUsers or /CurrentUser (and /S for
##   a silent install).
## - No download: offline PCs. A missing WebView2 runtime is installed from
##   Microsoft's offline installer when it sits beside this setup, otherwise
##   the installer says what to do (README, the Windows section).
## - The uninstaller removes only the files it installed. The data stays
##   where app/cli/datadir.go keeps it: %AppData%\laifang for each user, or
##   the program folder when laifang.portable is beside laifang.exe.
####

## wails_tools.nsh (written by `wails build -nsis` from wails.json) gives the
## INFO_* names and the architecture check; the rest of it (the online
## WebView2 bootstrapper, the HKLM-only uninstall key) is not used here.
!define REQUEST_EXECUTION_LEVEL "highest"
!define WAILS_WIN10_REQUIRED "来访接待需要 Windows 10 或更新的版本。"
!define WAILS_ARCHITECTURE_NOT_SUPPORTED "来访接待只能装在 64 位（x64）的 Windows 上。"
!include "wails_tools.nsh"

!ifndef ARG_CLI_BINARY
  !define ARG_CLI_BINARY "..\..\bin\laifang-cli.exe"
!endif
!define CLI_EXECUTABLE "laifang-cli.exe"
## The data folder's name under %AppData% and the data file's name
## (app/cli/datadir.go userDataDir, app.DataFileName), and the portable marker.
!define DATA_DIR_NAME "laifang"
!define DATA_FILE_NAME "laifang.db"
!define PORTABLE_MARKER "laifang.portable"
## Microsoft's offline (standalone) installer of the WebView2 runtime, under
## the name Microsoft gives it.
!define WEBVIEW2_OFFLINE "MicrosoftEdgeWebView2RuntimeInstallerX64.exe"

VIProductVersion "${INFO_PRODUCTVERSION}.0"
VIFileVersion    "${INFO_PRODUCTVERSION}.0"
VIAddVersionKey /LANG=2052 "CompanyName"     "${INFO_COMPANYNAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${INFO_PRODUCTNAME} 安装程序"
VIAddVersionKey /LANG=2052 "ProductVersion"  "${INFO_PRODUCTVERSION}"
VIAddVersionKey /LANG=2052 "FileVersion"     "${INFO_PRODUCTVERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright"  "${INFO_COPYRIGHT}"
VIAddVersionKey /LANG=2052 "ProductName"     "${INFO_PRODUCTNAME}"

ManifestDPIAware true
## One solid block with a dictionary that spans laifang.exe: laifang-cli.exe
## is mostly the same code, and the installer shrinks from 11.8 to 7.6 MB
## (makensis then needs about 380 MB of memory, the same CPU time).
## make test builds the installer only to check what it holds: zlib, in
## a fifth of the time (build.sh -DQUICK).
!ifdef QUICK
SetCompressor zlib
!else
SetCompressor /SOLID lzma
SetCompressorDictSize 32
!endif

!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "laifang"
## The uninstaller and a reinstall find the mode and the folder of the last
## install in the uninstall key, under HKLM (per machine) or HKCU (per user).
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${UNINST_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallMode"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${UNINST_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!include "MultiUser.nsh"
!include "MUI2.nsh"

!define MUI_ICON "..\icon.ico"
!define MUI_UNICON "..\icon.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_TITLE "来访接待已安装"
!define MUI_FINISHPAGE_TEXT "在开始菜单打开“来访接待”。$\r$\n$\r$\n数据保存在每位使用者自己的文件夹 %AppData%\${DATA_DIR_NAME} 里（文件 ${DATA_FILE_NAME}），卸载程序不会删除它。$\r$\n$\r$\n命令行（备份、检查、恢复）请用安装文件夹里的 ${CLI_EXECUTABLE}。"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

Name "${INFO_PRODUCTNAME}"
OutFile "..\..\bin\${INFO_PROJECTNAME}-${ARCH}-installer.exe"
ShowInstDetails show
ShowUninstDetails show

Function .onInit
  !insertmacro wails.checkArchitecture
  !insertmacro MULTIUSER_INIT
FunctionEnd

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
FunctionEnd

Section "来访接待（程序）" SecProgram
  SectionIn RO
  SetOutPath $INSTDIR
  File "/oname=${PRODUCT_EXECUTABLE}" "${ARG_WAILS_AMD64_BINARY}"
  File "/oname=${CLI_EXECUTABLE}" "${ARG_CLI_BINARY}"

  CreateShortcut "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "${INFO_PRODUCTNAME}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${INFO_PRODUCTVERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "${INFO_COMPANYNAME}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${PRODUCT_EXECUTABLE}"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" "$\"$INSTDIR\uninstall.exe$\" /$MultiUser.InstallMode"
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" "$\"$INSTDIR\uninstall.exe$\" /$MultiUser.InstallMode /S"
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section "桌面快捷方式" SecDesktop
  CreateShortcut "$DESKTOP\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}"
SectionEnd

## The window needs the WebView2 runtime (Windows 11 has it; a Windows 10
## without internet may not). Nothing is downloaded.
Section "-WebView2" SecWebView2
  ReadRegStr $0 HKLM "SOFTWARE\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}" "pv"
  ${EndIf}
  ${If} $0 != ""
  ${AndIf} $0 != "0.0.0.0"
    DetailPrint "WebView2 运行时：已安装 $0"
  ${ElseIf} ${FileExists} "$INSTDIR\WebView2\*.*"
    DetailPrint "WebView2 运行时：使用 $INSTDIR\WebView2"
  ${ElseIf} ${FileExists} "$EXEDIR\${WEBVIEW2_OFFLINE}"
    DetailPrint "正在安装 WebView2 运行时（$EXEDIR\${WEBVIEW2_OFFLINE}）……"
    ExecWait '"$EXEDIR\${WEBVIEW2_OFFLINE}" /silent /install' $1
    DetailPrint "WebView2 运行时安装程序结束，返回码 $1"
  ${Else}
    DetailPrint "WebView2 运行时：本机没有"
    MessageBox MB_OK|MB_ICONEXCLAMATION "本机没有 Microsoft Edge WebView2 运行时，来访接待的窗口需要它。$\r$\n$\r$\n请单位信息管理员任选一种办法（都不需要联网）：$\r$\n1. 安装 WebView2 运行时的离线安装包 ${WEBVIEW2_OFFLINE}（也可以把它放在本安装程序旁边，再运行一次安装）；$\r$\n2. 把固定版本运行时解压到 $INSTDIR\WebView2 文件夹里。" /SD IDOK
  ${EndIf}
SectionEnd

Section "uninstall"
  ## Only what the installer put here: the program folder may hold the data
  ## (laifang.portable) or a WebView2 runtime IT copied in, and RMDir without
  ## /r leaves a folder that is not empty.
  Delete "$INSTDIR\${PRODUCT_EXECUTABLE}"
  Delete "$INSTDIR\${CLI_EXECUTABLE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk"
  Delete "$DESKTOP\${INFO_PRODUCTNAME}.lnk"
  DeleteRegKey SHCTX "${UNINST_KEY}"

  ## The user data folder is the current user's, whatever the install mode.
  SetShellVarContext current
  ## WebView2's cache for laifang.exe (Wails' default WebviewUserDataPath),
  ## not the data: that is %AppData%\laifang.
  RMDir /r "$APPDATA\${PRODUCT_EXECUTABLE}"

  ${If} ${FileExists} "$INSTDIR\${DATA_FILE_NAME}"
    StrCpy $0 "$INSTDIR"
  ${Else}
    StrCpy $0 "$APPDATA\${DATA_DIR_NAME}"
  ${EndIf}
  MessageBox MB_OK|MB_ICONINFORMATION "来访接待已卸载，数据没有删除：$\r$\n$\r$\n$0\${DATA_FILE_NAME}$\r$\n$\r$\n其他使用者的数据在各自的 %AppData%\${DATA_DIR_NAME} 文件夹里；绿色版的数据在它的程序文件夹里。再次安装后打开来访接待，数据还在。确实不再需要时，请先备份，再手动删除这个文件夹。" /SD IDOK
SectionEnd
