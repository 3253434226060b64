package dev.disclose.rustsec;

import java.util.Set;

/**
 * Rust's target architectures and operating systems, as RustSec's {@code [affected]} names them.
 */
final class RustTargets {
  /** {@code target_arch} values (platforms crate, target/arch.rs). */
  static final Set<String> ARCHS =
      words(
          "aarch64 amdgpu arm arm64ec avr bpf csky hexagon loongarch32 loongarch64 m68k"
              + " mips mips32r6 mips64 mips64r6 msp430 nvptx64 powerpc powerpc64 riscv32 riscv64"
              + " s390x sparc sparc64 wasm32 wasm64 x86 x86_64 xtensa");

  /**
   * {@code target_os} values (platforms crate, target/os.rs): cargo-audit releases that read {@code
   * os} into that type refuse a file with any other.
   */
  static final Set<String> OSES =
      words(
          "aix amdhsa android cuda cygwin dragonfly emscripten espidf freebsd fuchsia haiku"
              + " helenos hermit horizon hurd illumos ios l4re linux lynxos178 macos managarm"
              + " motor netbsd none nto nuttx openbsd psp psx qnx qurt redox rtems solaris"
              + " solid_asp3 teeos trusty tvos uefi unknown vexos visionos vita vxworks wasi"
              + " watchos windows xous zkvm");

  private RustTargets() {}

  private static Set<String> words(String words) {
    return Set.of(words.split(" "));
  }
}
