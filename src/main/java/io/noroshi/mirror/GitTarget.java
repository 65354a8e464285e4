package io.noroshi.mirror;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.URIish;

/**
 * A branch of a git remote, as static hosting from a repository serves it: one commit per
 * publish, pushed (never forced). The files are staged in a clone of the branch kept under the
 * hub's data directory; a rejected push (someone else pushed) fails the publish, and the retry
 * starts from the remote's branch again.
 */
public final class GitTarget implements MirrorTarget {

    private static final PersonIdent AUTHOR = new PersonIdent("Noroshi", "noroshi@localhost");

    private final String url;
    private final String branch;
    private final Path work;
    private final CredentialsProvider credentials;
    private Git git;

    /** @param credentials for https remotes, or null */
    public GitTarget(String url, String branch, Path work, CredentialsProvider credentials) {
        this.url = url;
        this.branch = branch;
        this.work = work;
        this.credentials = credentials;
    }

    @Override
    public Optional<byte[]> read(String file) throws IOException {
        sync();
        Path path = work.resolve(file).normalize();
        if (!path.startsWith(work) || !Files.isRegularFile(path)) return Optional.empty();
        return Optional.of(Files.readAllBytes(path));
    }

    /** Brings the clone to the remote branch's last commit (or an empty branch when it has none). */
    private void sync() throws IOException {
        try {
            if (git == null) {
                Files.createDirectories(work);
                git = Files.isDirectory(work.resolve(".git")) ? Git.open(work.toFile())
                        : Git.init().setDirectory(work.toFile()).setInitialBranch(branch).call();
                git.remoteRemove().setRemoteName("origin").call();
                git.remoteAdd().setName("origin").setUri(new URIish(url)).call();
            }
            boolean exists = git.lsRemote().setRemote("origin").setCredentialsProvider(credentials).setHeads(true).call().stream()
                    .anyMatch(r -> r.getName().equals("refs/heads/" + branch));
            if (exists) {
                // A new remote (or branch) has nothing to fetch: the first publish creates the branch.
                git.fetch().setRemote("origin").setCredentialsProvider(credentials)
                        .setRefSpecs(new RefSpec("+refs/heads/" + branch + ":refs/remotes/origin/" + branch)).call();
                git.checkout().setName(branch).setCreateBranch(git.getRepository().findRef("refs/heads/" + branch) == null)
                        .setStartPoint("origin/" + branch).setForced(true).call();
                git.reset().setMode(ResetCommand.ResetType.HARD).setRef("origin/" + branch).call();
            }
            git.clean().setCleanDirectories(true).setForce(true).call();
        } catch (GitAPIException | java.net.URISyntaxException e) {
            throw new IOException("git remote " + url + " branch " + branch + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void apply(Upload upload) throws IOException {
        if (git == null) sync();
        var directory = new DirectoryTarget(work);
        directory.apply(upload);
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            git.commit().setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false)
                    .setMessage("Status page published by Noroshi (" + upload.changed().size() + " changed, "
                            + upload.removed().size() + " removed)").call();
            Iterable<PushResult> results = git.push().setRemote("origin").setCredentialsProvider(credentials)
                    .setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch)).call();
            for (PushResult result : results) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    if (update.getStatus() != RemoteRefUpdate.Status.OK && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        throw new IOException("git push to " + url + " branch " + branch + " refused: " + update.getStatus()
                                + (update.getMessage() == null ? "" : " " + update.getMessage()));
                    }
                }
            }
        } catch (GitAPIException e) {
            throw new IOException("git remote " + url + " branch " + branch + ": " + e.getMessage(), e);
        } catch (IOException e) {
            git.close();
            git = null; // start from the remote's branch on the retry
            throw e;
        }
    }

    @Override
    public void close() {
        if (git != null) git.close();
    }

    @Override
    public String toString() {
        return "git " + url + " branch " + branch;
    }
}
