import Foundation
import ROPGShell

// Everything lives in ROPGShell; the executable only hands over its arguments (and ends without
// letting go of the workspace: see `runAndExit`).
ShellMain.runAndExit(arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
