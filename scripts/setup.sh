# Sourced by ./demo, ./test and ./ari: installs what a fresh machine of this kind lacks, once.
# Debian's packaged Rust crates stand in for crates.io (see .cargo/config.toml).

export PATH="$HOME/.cargo/bin:$PATH"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The collector's first generation at 32 MB, not the default sized from the cache (16 MB here). ari holds
# every live span, and each collection copies those still alive, so collecting half as often makes long
# recordings faster to read for a little more memory (bench/limits.md has the figures). The runtime reads
# this only from the environment, not from ari's runtimeconfig; that carries System.GC.Gen0MaxBudget of the
# same size (src/Ari.Cli/Ari.Cli.csproj), for ari installed as a .NET tool. A value of the user's wins.
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x2000000}"

ARI_DEBIAN_PACKAGES=(librust-tokio-dev librust-tracing-dev librust-tracing-subscriber-dev librust-crossbeam-channel-dev librust-libc-dev
    librust-hyper-dev librust-tokio-util-dev librust-tokio-stream-dev librust-futures-dev librust-bytes-dev)

ari_install_missing() {
    local missing=()
    local package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "setup: installing ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2 || true
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
}

ari_setup() {
    ari_install_missing "${ARI_DEBIAN_PACKAGES[@]}" "$@"
    command -v cargo >/dev/null || { echo "setup: cargo is not installed (expected in ~/.cargo/bin)" >&2; return 1; }
    command -v dotnet >/dev/null || { echo "setup: the .NET SDK is not installed" >&2; return 1; }
}

# Builds ari into $1, published ReadyToRun for this machine's architecture, so that a command starts
# without compiling ari's own code first (bench/limits.md has the start-up figures). The ReadyToRun
# compiler and runtime pack come from NuGet; if they cannot be had, a plain build does, a little slower to start.
ari_build() {
    local dir="$1" project
    project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/src/Ari.Cli/Ari.Cli.csproj"
    local rid=""
    case "$(uname -m)" in
        x86_64) rid=linux-x64 ;;
        aarch64 | arm64) rid=linux-arm64 ;;
    esac
    if [ -n "$rid" ] && dotnet publish "$project" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
        -o "$dir" -nologo -v quiet >&2; then
        return 0
    fi
    echo "setup: building ari without ReadyToRun" >&2
    dotnet build "$project" -c Release -o "$dir" -nologo -v quiet >&2
}
