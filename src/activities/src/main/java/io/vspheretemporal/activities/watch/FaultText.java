package io.vspheretemporal.activities.watch;

import com.vmware.vim25.LocalizedMethodFault;
import com.vmware.vim25.SSLVerifyFault;

/**
 * The message of a task's fault: vSphere's own, plus what the fault carries that the user needs
 * and the message leaves out (a host certificate's thumbprint, without which it cannot be pinned).
 */
final class FaultText {
  private FaultText() {}

  static String type(LocalizedMethodFault error) {
    return error.getFault() == null ? "SystemError" : error.getFault().getClass().getSimpleName();
  }

  static String message(LocalizedMethodFault error) {
    String text = error.getLocalizedMessage();
    if (error.getFault() instanceof SSLVerifyFault f && f.getThumbprint() != null && !f.getThumbprint().isBlank()) {
      String sentence = text == null || text.isBlank() ? "" : text.endsWith(".") ? text + " " : text + ". ";
      return sentence + "The host presented a certificate with SHA-1 thumbprint " + f.getThumbprint()
          + "; if that is the host's certificate, give it as sslThumbprint.";
    }
    return text;
  }
}
