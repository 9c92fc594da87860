; Windows installer for Union Ledger (工会台账), built with Debian's makensis.
;
;   makensis -V2 -DVERSION=0.1.0 -DBIN_DIR=<dir with union-ledger.exe> \
;            -DOUT_FILE=<path of setup .exe> installer/windows/union-ledger.nsi
;
; Optional: -DWEBVIEW2_OFFLINE=<path of MicrosoftEdgeWebView2RuntimeInstallerX64.exe>
; embeds Microsoft's offline WebView2 installer for PCs without the runtime
; and without internet (most Windows 10 PCs have it through Edge updates;
; Windows 11 ships it).
;
; Per-user install (no administrator rights needed on office PCs) into
; %LOCALAPPDATA%\Programs\UnionLedger. The ledger itself lives in the user's
; data folder (%APPDATA%\UnionLedger\union-ledger\data) and is never touched by
; install, upgrade or uninstall.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef BIN_DIR
  !error "pass -DBIN_DIR=<folder with union-ledger.exe>"
!endif
!ifndef OUT_FILE
  !define OUT_FILE "union-ledger_${VERSION}_x64-setup.exe"
!endif

!define PRODUCT "工会台账"
!define PRODUCT_EN "Union Ledger"
!define PUBLISHER "Union Ledger"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\UnionLedger"
!define WEBVIEW2_KEY "Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

Name "${PRODUCT}"
Caption "${PRODUCT} ${VERSION} 安装"
OutFile "${OUT_FILE}"
InstallDir "$LOCALAPPDATA\Programs\UnionLedger"
InstallDirRegKey HKCU "Software\UnionLedger" "InstallDir"
RequestExecutionLevel user
BrandingText "${PRODUCT_EN} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=2052 "FileDescription" "${PRODUCT} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "MIT"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

!define MUI_ICON "..\..\src-tauri\icons\icon.ico"
!define MUI_UNICON "..\..\src-tauri\icons\icon.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\union-ledger.exe"
!define MUI_FINISHPAGE_RUN_TEXT "立即打开工会台账"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "工会台账需要 64 位 Windows 10 或 Windows 11。"
    Abort
  ${EndIf}
FunctionEnd

; The window is an Edge WebView2; without its runtime the app cannot start.
Function EnsureWebView2
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\${WEBVIEW2_KEY}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\${WEBVIEW2_KEY}" "pv"
  ${EndIf}
  ${If} $0 != ""
  ${AndIf} $0 != "0.0.0.0"
    DetailPrint "WebView2 运行时已安装：$0"
    Return
  ${EndIf}
!ifdef WEBVIEW2_OFFLINE
  DetailPrint "正在安装 Microsoft Edge WebView2 运行时……"
  File "/oname=$PLUGINSDIR\webview2-setup.exe" "${WEBVIEW2_OFFLINE}"
  ExecWait '"$PLUGINSDIR\webview2-setup.exe" /silent /install' $1
  DetailPrint "WebView2 安装程序返回 $1"
!else
  MessageBox MB_ICONEXCLAMATION|MB_OK "这台电脑缺少 Microsoft Edge WebView2 运行时，工会台账的窗口需要它。$\r$\n$\r$\n\
请从 https://developer.microsoft.com/microsoft-edge/webview2/ 下载“常青版独立安装程序”安装，\
或向县总工会索取含 WebView2 的离线安装包。"
!endif
FunctionEnd

Section "工会台账" SecMain
  SectionIn RO
  InitPluginsDir
  SetOutPath "$INSTDIR"
  ; Stop here rather than half-replace a running copy.
  ClearErrors
  ${If} ${FileExists} "$INSTDIR\union-ledger.exe"
    Delete "$INSTDIR\union-ledger.exe"
    ${If} ${Errors}
      MessageBox MB_ICONSTOP "工会台账正在运行。请先关闭它，再重新运行安装程序。"
      Abort
    ${EndIf}
  ${EndIf}

  File "${BIN_DIR}\union-ledger.exe"
  !if /FileExists "${BIN_DIR}\ledger.exe"
    File "${BIN_DIR}\ledger.exe"
  !endif
  ; GNU-target builds load WebView2Loader.dll at run time (MSVC builds link it).
  !if /FileExists "${BIN_DIR}\WebView2Loader.dll"
    File "${BIN_DIR}\WebView2Loader.dll"
  !endif
  File "/oname=union-ledger.ico" "..\..\src-tauri\icons\icon.ico"
  ; The embedded Noto CJK fonts are under the SIL OFL 1.1: ship its text.
  !if /FileExists "..\..\assets\fonts\OFL.txt"
    SetOutPath "$INSTDIR\licenses"
    File "/oname=OFL-NotoCJK.txt" "..\..\assets\fonts\OFL.txt"
    SetOutPath "$INSTDIR"
  !endif

  Call EnsureWebView2

  CreateDirectory "$SMPROGRAMS\${PRODUCT}"
  CreateShortcut "$SMPROGRAMS\${PRODUCT}\${PRODUCT}.lnk" "$INSTDIR\union-ledger.exe" "" "$INSTDIR\union-ledger.ico"
  CreateShortcut "$SMPROGRAMS\${PRODUCT}\卸载${PRODUCT}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\union-ledger.exe" "" "$INSTDIR\union-ledger.ico"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\UnionLedger" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\union-ledger.ico"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\union-ledger.exe"
  Delete "$INSTDIR\ledger.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\union-ledger.ico"
  Delete "$INSTDIR\uninstall.exe"
  Delete "$INSTDIR\licenses\OFL-NotoCJK.txt"
  RMDir "$INSTDIR\licenses"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${PRODUCT}\${PRODUCT}.lnk"
  Delete "$SMPROGRAMS\${PRODUCT}\卸载${PRODUCT}.lnk"
  RMDir "$SMPROGRAMS\${PRODUCT}"
  Delete "$DESKTOP\${PRODUCT}.lnk"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\UnionLedger"
  ; The ledger (%APPDATA%\UnionLedger) is the office's record: keep it.
  MessageBox MB_ICONINFORMATION "工会台账已卸载。台账数据保留在：$\r$\n$APPDATA\UnionLedger" /SD IDOK
SectionEnd
