import passportLib from 'passport';

export type Passport = InstanceType<typeof passportLib.Passport>;
import { Strategy as LocalStrategy } from 'passport-local';
import type { AuthService } from './auth.service.js';

/** A passport instance with the local strategy (username + password) and id-only sessions. */
export function createPassport(auth: AuthService): Passport {
  const passport = new passportLib.Passport();
  passport.use(
    new LocalStrategy({ passReqToCallback: true }, (req, username, password, done) => {
      auth
        .login(username, password, req.ip ?? '')
        .then((result) => (result.ok ? done(null, result.user) : done(null, false, { message: result.message })))
        .catch(done);
    }),
  );
  passport.serializeUser((user, done) => done(null, user.id));
  passport.deserializeUser((id: number, done) => {
    auth
      .findSessionUser(id)
      .then((user) => done(null, user ?? false))
      .catch(done);
  });
  return passport;
}
