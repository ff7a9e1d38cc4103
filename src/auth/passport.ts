import passportLib from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { AuthService, LoginResult } from './auth.service.js';

export type Passport = InstanceType<typeof passportLib.Passport>;

/** Why a login failed, as passed from the strategy to the login route. */
export type LoginInfo = Extract<LoginResult, { ok: false }>;

/** A passport instance with the local strategy (username + password) and id-only sessions. */
export function createPassport(auth: AuthService): Passport {
  const passport = new passportLib.Passport();
  passport.use(
    new LocalStrategy({ passReqToCallback: true }, (req, username, password, done) => {
      auth
        .login(username, password, req.ip ?? '')
        .then((result) => (result.ok ? done(null, result.user) : done(null, false, result)))
        .catch(done);
    }),
  );
  passport.serializeUser((user, done) => done(null, user.id));
  // One query per request (auth.findSessionUser): a deactivated account is logged out at once.
  passport.deserializeUser((id: number, done) => {
    auth
      .findSessionUser(id)
      .then((user) => done(null, user ?? false))
      .catch(done);
  });
  return passport;
}
