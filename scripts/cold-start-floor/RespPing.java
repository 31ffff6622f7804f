import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Redis PING in RESP over a plain socket, written by hand, for the cold-start floors: it tells what
 * Lettuce (and its Netty and Reactor) add to a floor that PINGs with Lettuce instead.
 */
final class RespPing {

  private RespPing() {}

  /** The server's simple-string answer ("PONG" when healthy), or the error line as read. */
  static String ping(String redisUrl) throws Exception {
    URI uri = URI.create(redisUrl);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
        line.append((char) c);
      }
      return line.length() > 0 && line.charAt(0) == '+' ? line.substring(1) : line.toString();
    }
  }
}
