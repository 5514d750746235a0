package io.vspheretemporal.worker.cli;

import io.vspheretemporal.activities.session.Secret;
import io.vspheretemporal.worker.codec.CodecServer;
import io.vspheretemporal.worker.config.ConfigException;
import io.vspheretemporal.worker.config.ConfigLoader;
import io.vspheretemporal.worker.config.ResolvedConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "codec-server", mixinStandardHelpOptions = true,
    description = {
      "Decrypts payloads for the Temporal UI and CLI (Temporal's codec server protocol: POST /decode, /encode),",
      "with the encryption keys of the worker's configuration (only its temporal section is read).",
      "In the UI: settings (the glasses icon) > Codec Server endpoint http://127.0.0.1:8081. See docs/encryption.md."})
public final class CodecServerCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE",
      description = "the worker's configuration, for temporal.encryption (env " + TemporalOptions.CONFIG_ENV + ")")
  Path config;

  @Option(names = "--port", defaultValue = "8081", description = "port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1",
      description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only); any other needs a token")
  String bind;

  @Option(names = "--ui-origin", defaultValue = "http://localhost:8233,http://127.0.0.1:8233", split = ",",
      description = "origin of the Temporal UI whose pages may call it (default: ${DEFAULT-VALUE}); repeat or comma-separate for more")
  List<String> uiOrigins;

  @Option(names = "--token-env", paramLabel = "VARIABLE",
      description = "require Authorization: Bearer <token>, the token read from this environment variable")
  String tokenEnv;

  @Option(names = "--token-file", paramLabel = "FILE", description = "the same, the token read from this file")
  Path tokenFile;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    CodecServer server;
    try {
      Path file = TemporalOptions.configFile(config);
      ResolvedConfig resolved = ConfigLoader.loadTemporalSection(file, System.getenv());
      if (!resolved.encryption().enabled()) {
        throw new ConfigException("temporal.encryption: not configured" + (file == null ? " (no --config given)" : " in " + file)
            + "; the codec server has no keys to decrypt with");
      }
      Secret token = token();
      InetAddress address = InetAddress.getByName(bind);
      if (!address.isLoopbackAddress() && token == null) {
        throw new ConfigException("--bind " + bind + ": anyone who reaches it could decrypt payloads; give --token-env"
            + " or --token-file (or keep the default 127.0.0.1)");
      }
      server = new CodecServer(new InetSocketAddress(address, port), resolved.encryption(), origins(), token);
      PrintWriter out = spec.commandLine().getOut();
      out.println("codec server on http://" + server.address().getHostString() + ":" + server.address().getPort()
          + " (keys " + String.join(", ", resolved.encryption().ids()) + "; CORS for " + String.join(", ", origins())
          + (token == null ? "; no token" : "; bearer token required") + ")");
      out.flush();
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return ExitCodes.CONFIG;
    } catch (IOException e) {
      err.println("--port: cannot listen on " + bind + ":" + port + " (" + e.getMessage() + ")");
      return ExitCodes.CONFIG;
    }
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stop.countDown();
    }, "codec-server-shutdown"));
    stop.await();
    return ExitCodes.OK;
  }

  private Set<String> origins() {
    Set<String> out = new LinkedHashSet<>();
    for (String o : uiOrigins) {
      String origin = o.strip().replaceFirst("/$", ""); // browsers send the origin without a trailing slash
      URI u;
      try {
        u = URI.create(origin);
      } catch (IllegalArgumentException e) {
        u = null;
      }
      if (u == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null
          || !(u.getRawPath() == null || u.getRawPath().isEmpty()) || u.getRawQuery() != null) {
        throw new ConfigException("--ui-origin: '" + origin + "' is not an origin such as http://localhost:8233"
            + " (scheme, host and port of the UI, no path)");
      }
      out.add(origin);
    }
    return out;
  }

  /** The token, read like every secret: never printed. */
  private Secret token() {
    if (tokenEnv != null && tokenFile != null) {
      throw new ConfigException("--token-env and --token-file: give one of them");
    }
    if (tokenEnv != null) {
      String v = System.getenv(tokenEnv);
      if (v == null || v.isBlank()) {
        throw new ConfigException("--token-env: environment variable " + tokenEnv + " is not set");
      }
      return Secret.of(v.strip());
    }
    if (tokenFile != null) {
      try {
        String v = Files.readString(tokenFile).strip();
        if (v.isEmpty()) {
          throw new ConfigException("--token-file: " + tokenFile + " is empty");
        }
        return Secret.of(v);
      } catch (IOException e) {
        throw new ConfigException("--token-file: cannot read " + tokenFile + " (" + e.getClass().getSimpleName() + ")");
      }
    }
    return null;
  }
}
